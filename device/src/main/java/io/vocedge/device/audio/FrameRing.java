package io.vocedge.device.audio;

import java.util.concurrent.locks.LockSupport;

/**
 * The bounded hand-over between the capture thread and the front-end thread: a single-producer,
 * single-consumer ring of preallocated blocks. Overflow policy: when the front-end falls behind and the ring
 * is full, the capture thread drops the new block and counts its frames; the front-end then sees a gap of
 * that length (a clean segment cut), never stale or reordered audio. No locks and no allocation per block.
 */
final class FrameRing {
    private final float[][] data;
    private final int[] frames;
    private final int[] channels;
    private final int[] rates;
    private final long[] gapBefore;
    private final boolean[] endOfStream;
    private volatile long head; // next slot the producer writes
    private volatile long tail; // next slot the consumer reads
    private volatile Thread consumer;

    FrameRing(int slots, int floatsPerSlot) {
        data = new float[slots][floatsPerSlot];
        frames = new int[slots];
        channels = new int[slots];
        rates = new int[slots];
        gapBefore = new long[slots];
        endOfStream = new boolean[slots];
    }

    int floatsPerSlot() {
        return data[0].length;
    }

    int capacity() {
        return data.length;
    }

    /** Producer: the buffer of the next free slot, or null when the ring is full. */
    float[] claim() {
        long h = head;
        return h - tail >= data.length ? null : data[(int) (h % data.length)];
    }

    /** Producer: publishes the claimed slot. */
    void publish(int frameCount, int channelCount, int rate, long gap, boolean end) {
        long h = head;
        int i = (int) (h % data.length);
        frames[i] = frameCount;
        channels[i] = channelCount;
        rates[i] = rate;
        gapBefore[i] = gap;
        endOfStream[i] = end;
        head = h + 1;
        Thread c = consumer;
        if (c != null) {
            LockSupport.unpark(c);
        }
    }

    /** Consumer: waits up to {@code timeoutNanos} for a block; returns its slot index or -1. */
    int poll(long timeoutNanos) {
        consumer = Thread.currentThread();
        long deadline = System.nanoTime() + timeoutNanos;
        while (tail == head) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            LockSupport.parkNanos(this, left);
        }
        return (int) (tail % data.length);
    }

    float[] data(int slot) {
        return data[slot];
    }

    int frames(int slot) {
        return frames[slot];
    }

    int channels(int slot) {
        return channels[slot];
    }

    int rate(int slot) {
        return rates[slot];
    }

    long gapBefore(int slot) {
        return gapBefore[slot];
    }

    boolean endOfStream(int slot) {
        return endOfStream[slot];
    }

    /** Consumer: done with the slot returned by {@link #poll}. */
    void release() {
        tail = tail + 1;
    }

    int depth() {
        return (int) (head - tail);
    }
}
