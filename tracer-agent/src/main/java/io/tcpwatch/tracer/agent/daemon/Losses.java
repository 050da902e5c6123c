package io.tcpwatch.tracer.agent.daemon;

/**
 * The events the tracer lost, by cause, at one moment, and the close events it could not attribute.
 *
 * @param ringBufferDrops records the kernel could not queue because the ring buffer was full
 * @param recursionMisses times the kernel skipped a BPF program because another BPF program already ran on
 *     that CPU, each an event that never reached the ring buffer
 * @param decodeErrors kernel records that could not be decoded
 * @param sinkDrops events the pipeline could not format or the sink could not deliver
 * @param ownerMisses close events whose socket had no recorded owner; reported, NOT lost
 */
public record Losses(long ringBufferDrops, long recursionMisses, long decodeErrors, long sinkDrops,
        long ownerMisses) {

    /** Events lost, all causes: everything here but the owner misses, whose events were delivered. */
    public long total() {
        return this.ringBufferDrops + this.recursionMisses + this.decodeErrors + this.sinkDrops;
    }

    /** {@code "<total> lost (ring buffer <n>, recursion misses <n>, decode errors <n>, sink <n>)"}. */
    public String describe() {
        return total() + " lost (ring buffer " + this.ringBufferDrops + ", recursion misses " + this.recursionMisses
                + ", decode errors " + this.decodeErrors + ", sink " + this.sinkDrops + ")";
    }
}
