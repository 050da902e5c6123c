package io.tcpwatch.dashboards.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the HTTP client the importer talks through, with the TLS trust the user chose: the JDK's
 * default trust store, a CA file (PEM or DER, one or more certificates), or, with {@code insecure},
 * no certificate or host name check at all.
 */
public final class DashboardHttpClient {

    private DashboardHttpClient() {
    }

    /**
     * Creates the client.
     *
     * @param caFile the CA certificates to trust instead of the JDK's, or {@code null}
     * @param insecure whether to accept any certificate and host name (for a dashboard with a self-signed
     *     certificate on a trusted network); does NOT protect against an attacker in the path
     * @param connectTimeout how long to wait for the connection
     * @return the client
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
     */
    public static HttpClient create(Path caFile, boolean insecure, Duration connectTimeout) {
        if (caFile != null && insecure) {
            throw new IllegalArgumentException("--ca-cert and --insecure exclude each other");
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1);
        try {
            if (caFile != null) {
                builder.sslContext(trusting(caFile));
            }
            else if (insecure) {
                // The JDK client has no per-client host name verifier; this property is how it is turned off.
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
                builder.sslContext(context);
            }
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("failed to set up TLS: " + ex.getMessage(), ex);
        }
        return builder.build();
    }

    private static SSLContext trusting(Path caFile) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        catch (IOException ex) {
            throw new IllegalArgumentException("failed to read CA file [" + caFile + "]: " + ex.getMessage(), ex);
        }
        catch (CertificateException ex) {
            throw new IllegalArgumentException("CA file [" + caFile + "] is not a PEM or DER certificate: "
                    + ex.getMessage(), ex);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("CA file [" + caFile + "] holds no certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        }
        catch (IOException ex) {
            throw new IllegalStateException("failed to create an empty key store", ex);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }

    /** Accepts every certificate; used only when the user asked for {@code --insecure}. */
    private static final class TrustAll implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

    }

}
