package io.tcpwatch.dashboards.picture;

/** Decodes a geohash cell to its centre, for placing map markers. */
public final class Geohash {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geohash() {
    }

    /**
     * @param hash the geohash
     * @return the cell centre as {latitude, longitude}
     * @throws IllegalArgumentException when the hash holds a character outside the geohash alphabet
     */
    public static double[] centre(String hash) {
        double[] lat = {-90, 90};
        double[] lon = {-180, 180};
        boolean even = true;
        for (char c : hash.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("geohash [" + hash + "] holds [" + c + "]");
            }
            for (int bit = 4; bit >= 0; bit--) {
                double[] range = even ? lon : lat;
                double mid = (range[0] + range[1]) / 2;
                if (((value >> bit) & 1) == 1) {
                    range[0] = mid;
                }
                else {
                    range[1] = mid;
                }
                even = !even;
            }
        }
        return new double[] {(lat[0] + lat[1]) / 2, (lon[0] + lon[1]) / 2};
    }

}
