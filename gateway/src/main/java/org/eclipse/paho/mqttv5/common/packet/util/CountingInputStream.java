package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Replaces Paho 1.2.5's class of this name (excluded from the gateway jar by the shade filter; on the test classpath
 * this module's classes come first). Paho's overrides only {@code read()}, so every packet the gateway receives was
 * copied one byte per virtual call, twice (the packet, then the PUBLISH payload): in a JFR profile of the saturated
 * forwarding benchmark (2026-12-04) that copy was 38 % of the gateway's Java samples, on Paho's receive thread. Same
 * contract - a byte counter over the wrapped stream - with bulk reads. Paho 1.2.5 (2020) is its last release.
 */
public class CountingInputStream extends InputStream {
    private final InputStream inputStream;
    private int counter;

    /** Counts the bytes read from {@code inputStream}. */
    public CountingInputStream(InputStream inputStream) {
        this.inputStream = inputStream;
        this.counter = 0;
    }

    @Override
    public int read() throws IOException {
        int i = inputStream.read();
        if (i != -1) {
            counter++;
        }
        return i;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = inputStream.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /** Bytes read so far (since the last {@link #resetCounter}). */
    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
