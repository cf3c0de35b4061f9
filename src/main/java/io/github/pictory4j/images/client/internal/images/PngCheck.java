package io.github.pictory4j.images.client.internal.images;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a PNG as it streams past: refuses anything that does not start with the PNG signature and an
 * IHDR chunk, reads the real width and height from that header, and stops at a size cap. Nothing is
 * buffered beyond the header.
 */
public final class PngCheck extends FilterInputStream {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Signature, IHDR length and type, width, height. */
    private static final int HEADER = 24;

    /** The stream is not a PNG, or is larger than the cap: trying again will not help. */
    public static final class NotAcceptable extends IOException {
        public NotAcceptable(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final byte[] header = new byte[HEADER];
    private long read;
    private int width;
    private int height;

    public PngCheck(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    /** Reads the header; call before anything else is read. */
    public PngCheck readHeader() throws IOException {
        int got = in.readNBytes(header, 0, HEADER);
        if (got < HEADER || !Arrays.equals(Arrays.copyOf(header, SIGNATURE.length), SIGNATURE)) {
            throw new NotAcceptable("not a PNG: the download does not start with the PNG signature");
        }
        if (header[12] != 'I' || header[13] != 'H' || header[14] != 'D' || header[15] != 'R') {
            throw new NotAcceptable("not a PNG: the first chunk is not IHDR");
        }
        ByteBuffer dimensions = ByteBuffer.wrap(header, 16, 8);
        width = dimensions.getInt();
        height = dimensions.getInt();
        if (width <= 0 || height <= 0) {
            throw new NotAcceptable("not a usable PNG: its header says " + width + "x" + height);
        }
        count(HEADER);
        return this;
    }

    /** The header's bytes, to be stored first. */
    public byte[] header() {
        return header.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes read so far, the header included. */
    public long size() {
        return read;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws NotAcceptable {
        read += n;
        if (read > maxBytes) {
            throw new NotAcceptable("larger than pictory.store.image-max-bytes (" + maxBytes + " bytes)");
        }
    }
}
