package io.tcpwatch.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GeoIpFieldsTests {

    @Test
    void defaultsAreWazuhStockSourceFieldsAndDstip() {
        GeoIpFields fields = GeoIpFields.defaults();

        assertThat(fields.source()).hasSize(10).startsWith("data.srcip").endsWith("data.office365.ClientIP");
        assertThat(fields.destination()).containsExactly("data.dstip");
    }

    @Test
    void extraFieldsAreAppendedToTheirSide() {
        GeoIpFields fields = GeoIpFields.defaults().plus(List.of("data.src_ip"), List.of("data.dst_ip"));

        assertThat(fields.source()).endsWith("data.office365.ClientIP", "data.src_ip");
        assertThat(fields.destination()).containsExactly("data.dstip", "data.dst_ip");
        assertThat(fields.all()).hasSize(13).endsWith("data.dstip", "data.dst_ip");
    }

    @Test
    void fieldListedTwiceIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GeoIpFields.defaults().plus(List.of(), List.of("data.srcip")))
                .withMessage("geoip field [data.srcip] is listed twice");
    }

    @Test
    void fieldThatIsNotADottedNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GeoIpFields.defaults().plus(List.of("data..srcip"), List.of()))
                .withMessage("geoip field [data..srcip] is not a dotted field name (letters, digits, '_', '@', '-' "
                        + "between dots), e.g. data.dstip");
    }

    @Test
    void fieldThePipelineWritesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GeoIpFields.defaults().plus(List.of(), List.of("GeoLocationDst.ip")))
                .withMessage("geoip field [GeoLocationDst.ip] is a field the pipeline writes");
    }

}
