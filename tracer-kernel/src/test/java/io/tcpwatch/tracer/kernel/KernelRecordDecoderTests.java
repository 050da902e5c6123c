package io.tcpwatch.tracer.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tcpwatch.tracer.kernel.KernelEvent.Direction;
import io.tcpwatch.tracer.kernel.KernelEvent.Kind;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden records, built byte by byte as tcpwatch.bpf.c writes them (x86_64, little-endian). */
class KernelRecordDecoderTests {

    /** 2026-01-01T00:00:00Z minus a monotonic clock at 1000 s. */
    private static final long OFFSET = 1_767_225_600_000_000_000L - 1_000_000_000_000L;

    private final KernelRecordDecoder decoder = new KernelRecordDecoder(OFFSET);

    @Test
    void ipv4ConnectRecordDecodesEveryField() throws Exception {
        ByteBuffer r = ipv4Connect();

        KernelEvent event = this.decoder.decode(r);

        assertThat(event).isEqualTo(new KernelEvent(Kind.CONNECT, Direction.OUTBOUND,
                Instant.parse("2026-01-01T00:00:00.000000123Z"), 0x0102030405060708L, 4242, 4243, 1, 1000, 1001,
                "curl", 0x1122334455667788L, 4026531833L, 4, InetAddress.getByName("10.0.0.5"), 51000,
                InetAddress.getByName("93.184.216.34"), 443, 0, 0, 0));
    }

    @Test
    void ipv6CloseRecordDecodesAddressesAndByteCounts() throws Exception {
        ByteBuffer r = record(3, 2, 10);
        r.put(KernelRecordDecoder.LADDR, InetAddress.getByName("2001:db8::1").getAddress());
        r.put(KernelRecordDecoder.RADDR, InetAddress.getByName("2001:db8::2").getAddress());
        r.putShort(KernelRecordDecoder.LPORT, (short) 22).putShort(KernelRecordDecoder.RPORT, (short) 60000);
        r.putLong(KernelRecordDecoder.BYTES_ACKED, 5_000_000_000L).putLong(KernelRecordDecoder.BYTES_RECEIVED, 7)
                .putLong(KernelRecordDecoder.DURATION_NS, 2_500_000_000L);

        KernelEvent event = this.decoder.decode(r);

        assertThat(event.kind()).isEqualTo(Kind.CLOSE);
        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.family()).isEqualTo(6);
        assertThat(event.localAddress()).isEqualTo(InetAddress.getByName("2001:db8::1"));
        assertThat(event.localPort()).isEqualTo(22);
        assertThat(event.remoteAddress()).isEqualTo(InetAddress.getByName("2001:db8::2"));
        assertThat(event.remotePort()).isEqualTo(60000);
        assertThat(event.bytesSent()).isEqualTo(5_000_000_000L);
        assertThat(event.bytesReceived()).isEqualTo(7);
        assertThat(event.durationNanos()).isEqualTo(2_500_000_000L);
    }

    @Test
    void ipv4MappedIpv6AddressesAreWrittenAsIpv4() throws Exception {
        ByteBuffer r = record(2, 2, 10);
        r.put(KernelRecordDecoder.LADDR, mapped(127, 0, 0, 1)).put(KernelRecordDecoder.RADDR, mapped(192, 0, 2, 7));

        KernelEvent event = this.decoder.decode(r);

        assertThat(event.family()).isEqualTo(4);
        assertThat(event.localAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(event.remoteAddress().getHostAddress()).isEqualTo("192.0.2.7");
    }

    @Test
    void commFillingAllSixteenBytesIsReadWithoutTerminator() {
        ByteBuffer r = ipv4Connect();
        r.put(KernelRecordDecoder.COMM, "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII));

        assertThat(this.decoder.decode(r).comm()).isEqualTo("abcdefghijklmnop");
    }

    @Test
    void recordIsReadFromItsPositionNotFromTheBufferStart() {
        ByteBuffer batch = ByteBuffer.allocate(4 + KernelRecordDecoder.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        batch.position(4);
        batch.put(ipv4Connect());
        batch.position(4);

        assertThat(this.decoder.decode(batch).pid()).isEqualTo(4242);
    }

    @Test
    void shortRecordIsRejectedWithItsLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.decoder.decode(ByteBuffer.allocate(12)))
                .withMessage("kernel record of 12 bytes, expected 128");
    }

    @Test
    void unknownKindIsRejectedWithItsOffset() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.decoder.decode(record(9, 1, 2)))
                .withMessage("kernel record has unknown kind [9] at offset 108");
    }

    @Test
    void unknownDirectionIsRejectedWithItsOffset() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.decoder.decode(record(1, 3, 2)))
                .withMessage("kernel record has unknown direction [3] at offset 109");
    }

    @Test
    void unknownFamilyIsRejectedWithItsOffset() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.decoder.decode(record(1, 1, 7)))
                .withMessage("kernel record has unknown family [7] at offset 110, expected 2 or 10");
    }

    @Test
    void otherLayoutVersionIsRejected() {
        ByteBuffer r = ipv4Connect();
        r.put(KernelRecordDecoder.LAYOUT, (byte) 2);

        assertThatIllegalArgumentException().isThrownBy(() -> this.decoder.decode(r))
                .withMessage("kernel record layout_version [2] at offset 111, expected 1");
    }

    @Test
    void malformedRecordsAreCountedNotThrownAndGoodOnesStillDelivered() {
        List<KernelEvent> delivered = new ArrayList<>();

        boolean bad = this.decoder.decodeTo(record(0, 1, 2), delivered::add);
        boolean shortOne = this.decoder.decodeTo(ByteBuffer.allocate(127), delivered::add);
        boolean good = this.decoder.decodeTo(ipv4Connect(), delivered::add);

        assertThat(bad).isFalse();
        assertThat(shortOne).isFalse();
        assertThat(good).isTrue();
        assertThat(delivered).extracting(KernelEvent::pid).containsExactly(4242);
        assertThat(this.decoder.decodeErrors()).isEqualTo(2);
        assertThat(this.decoder.lastError()).isEqualTo("kernel record of 127 bytes, expected 128");
    }

    private static ByteBuffer ipv4Connect() {
        ByteBuffer r = record(1, 1, 2);
        r.putLong(KernelRecordDecoder.TS_NS, 1_000_000_000_123L);
        r.putLong(KernelRecordDecoder.CONN_ID, 0x0102030405060708L);
        r.putLong(KernelRecordDecoder.CGROUP_ID, 0x1122334455667788L);
        r.putInt(KernelRecordDecoder.PID, 4242).putInt(KernelRecordDecoder.TID, 4243)
                .putInt(KernelRecordDecoder.PPID, 1).putInt(KernelRecordDecoder.UID, 1000)
                .putInt(KernelRecordDecoder.GID, 1001).putInt(KernelRecordDecoder.NETNS_INO, (int) 4026531833L);
        r.put(KernelRecordDecoder.LADDR, new byte[] {10, 0, 0, 5});
        r.put(KernelRecordDecoder.RADDR, new byte[] {93, (byte) 184, (byte) 216, 34});
        r.putShort(KernelRecordDecoder.LPORT, (short) 51000).putShort(KernelRecordDecoder.RPORT, (short) 443);
        r.put(KernelRecordDecoder.COMM, "curl\0".getBytes(StandardCharsets.US_ASCII));
        return r;
    }

    private static ByteBuffer record(int kind, int direction, int family) {
        ByteBuffer r = ByteBuffer.allocate(KernelRecordDecoder.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        r.put(KernelRecordDecoder.KIND, (byte) kind).put(KernelRecordDecoder.DIRECTION, (byte) direction)
                .put(KernelRecordDecoder.FAMILY, (byte) family).put(KernelRecordDecoder.LAYOUT, (byte) 1);
        return r;
    }

    private static byte[] mapped(int a, int b, int c, int d) {
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c,
            (byte) d};
    }
}
