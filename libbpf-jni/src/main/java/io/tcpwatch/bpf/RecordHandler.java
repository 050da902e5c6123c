package io.tcpwatch.bpf;

import java.nio.ByteBuffer;

/**
 * Receives ring-buffer records, one call per record, on the polling thread. It should not throw: an
 * exception ends the poll, and the records after it in the same batch are lost.
 */
@FunctionalInterface
public interface RecordHandler {

    /**
     * Handles one record.
     *
     * @param record the record's bytes between position and limit, in native byte order; valid only
     *     during the call (the buffer is reused), so copy what must be kept
     */
    void onRecord(ByteBuffer record);
}
