package org.hotpixels.io.jpeg;

import java.io.ByteArrayOutputStream;

/**
 * A baseline JPEG file taken apart into its quantised DCT coefficients, and put together again:
 * {@link #parse} reads the markers and Huffman-decodes the one scan; {@link #write} writes every
 * segment before the scan as it was (EXIF, ICC profile, comments, tables), the scan re-encoded
 * from the coefficients, and whatever followed the end of the image. Unchanged coefficients
 * decode to unchanged pixels. Only what a camera or ImageIO writes is handled: 8-bit baseline
 * Huffman coding, one scan holding every component; anything else is a {@link JpegException}.
 */
final class JpegStream {

	/** A component of the frame: sampling factors, quantisation table, coefficient blocks. */
	static final class Component {

		int id, h, v, tq, td, ta;
		/** Blocks across and down (padded to whole MCUs in an interleaved scan). */
		int blocksW, blocksH;
		/** Coefficients of block (bx, by): {@code coef[(by * blocksW + bx) * 64 + zigzag]}. */
		short[] coef;
	}

	private final byte[] file;
	int width, height;
	Component[] components;
	final int[][] quant = new int[4][];
	private final Huffman[] dc = new Huffman[4], ac = new Huffman[4];
	int restartInterval;
	private int mcusX, mcusY, hMax, vMax;
	/** Where the SOS segment starts, and where the bytes after the scan's data start. */
	private int sosStart, afterScan;

	private JpegStream(final byte[] file) {
		this.file = file;
	}

	static JpegStream parse(final byte[] file) {
		final JpegStream s = new JpegStream(file);
		s.readHeaders();
		return s;
	}

	private int u16(final int p) {
		return (file[p] & 0xff) << 8 | file[p + 1] & 0xff;
	}

	private void readHeaders() {
		if (file.length < 4 || u16(0) != 0xffd8) throw new JpegException("not a JPEG file");
		int p = 2;
		while (true) {
			if (p + 4 > file.length) throw new JpegException("no scan before the end of the file");
			if ((file[p] & 0xff) != 0xff) throw new JpegException("damaged markers");
			final int marker = file[p + 1] & 0xff;
			if (marker == 0xff) {
				p++;
				continue;
			}
			final int len = u16(p + 2), body = p + 4, end = p + 2 + len;
			if (end > file.length) throw new JpegException("a segment runs past the end");
			switch (marker) {
				case 0xc0 :
				case 0xc1 :
					frame(body);
					break;
				case 0xc4 :
					tables(body, end);
					break;
				case 0xdb :
					quantTables(body, end);
					break;
				case 0xdd :
					restartInterval = u16(body);
					break;
				case 0xda :
					sosStart = p;
					scan(body, end);
					return;
				default :
					if (marker >= 0xc2 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
						marker != 0xcc) throw new JpegException(marker == 0xc2 ? "progressive JPEG"
							: "a JPEG coding other than baseline Huffman");
			}
			p = end;
		}
	}

	private void frame(final int b) {
		if ((file[b] & 0xff) != 8) throw new JpegException("a " + (file[b] & 0xff) + "-bit JPEG");
		height = u16(b + 1);
		width = u16(b + 3);
		final int n = file[b + 5] & 0xff;
		if (height == 0 || n < 1 || n > 4) throw new JpegException("an unusual frame header");
		components = new Component[n];
		for (int i = 0; i < n; i++) {
			final Component c = new Component();
			c.id = file[b + 6 + 3 * i] & 0xff;
			c.h = (file[b + 7 + 3 * i] & 0xff) >> 4;
			c.v = file[b + 7 + 3 * i] & 0x0f;
			c.tq = file[b + 8 + 3 * i] & 0xff;
			if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) throw new JpegException(
				"bad sampling factors");
			components[i] = c;
			hMax = Math.max(hMax, c.h);
			vMax = Math.max(vMax, c.v);
		}
	}

	private void quantTables(int p, final int end) {
		while (p < end) {
			final int pq = (file[p] & 0xff) >> 4, tq = file[p] & 0x0f;
			if (tq > 3) throw new JpegException("bad quantisation table");
			final int[] q = new int[64]; // zig-zag order, as stored
			for (int i = 0; i < 64; i++)
				q[i] = pq == 0 ? file[p + 1 + i] & 0xff : u16(p + 1 + 2 * i);
			quant[tq] = q;
			p += 1 + 64 * (pq == 0 ? 1 : 2);
		}
	}

	private void tables(int p, final int end) {
		while (p < end) {
			final int tc = (file[p] & 0xff) >> 4, th = file[p] & 0x0f;
			final int[] counts = new int[17];
			int n = 0;
			for (int i = 1; i <= 16; i++) {
				counts[i] = file[p + i] & 0xff;
				n += counts[i];
			}
			final int[] symbols = new int[n];
			for (int i = 0; i < n; i++)
				symbols[i] = file[p + 17 + i] & 0xff;
			if (th > 3 || tc > 1) throw new JpegException("bad Huffman table");
			(tc == 0 ? dc : ac)[th] = new Huffman(counts, symbols);
			p += 17 + n;
		}
	}

	private void scan(final int b, final int end) {
		if (components == null) throw new JpegException("a scan before the frame header");
		final int ns = file[b] & 0xff;
		if (ns != components.length) throw new JpegException(
			"a scan without every component (several scans)");
		for (int i = 0; i < ns; i++) {
			final int id = file[b + 1 + 2 * i] & 0xff;
			if (components[i].id != id) throw new JpegException("scan components in another order");
			components[i].td = (file[b + 2 + 2 * i] & 0xff) >> 4;
			components[i].ta = file[b + 2 + 2 * i] & 0x0f;
		}
		final int ss = file[b + 1 + 2 * ns] & 0xff, se = file[b + 2 + 2 * ns] & 0xff;
		if (ss != 0 || se != 63) throw new JpegException("a partial spectral scan");
		for (final Component c : components)
			if (quant[c.tq] == null || dc[c.td] == null || ac[c.ta] == null) throw new JpegException(
				"a missing table");
		decode(end);
	}

	private boolean interleaved() {
		return components.length > 1;
	}

	private void decode(final int dataStart) {
		if (interleaved()) {
			mcusX = (width + 8 * hMax - 1) / (8 * hMax);
			mcusY = (height + 8 * vMax - 1) / (8 * vMax);
			for (final Component c : components) {
				c.blocksW = mcusX * c.h;
				c.blocksH = mcusY * c.v;
			}
		}
		else {
			final Component c = components[0];
			c.blocksW = ((width * c.h + hMax - 1) / hMax + 7) / 8;
			c.blocksH = ((height * c.v + vMax - 1) / vMax + 7) / 8;
			mcusX = c.blocksW;
			mcusY = c.blocksH;
		}
		for (final Component c : components)
			c.coef = new short[c.blocksW * c.blocksH * 64];
		final BitReader in = new BitReader(file, dataStart);
		final int[] pred = new int[components.length];
		final int mcus = mcusX * mcusY;
		for (int m = 0, restarts = 0; m < mcus; m++) {
			if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
				in.restart(restarts++ & 7);
				java.util.Arrays.fill(pred, 0);
			}
			forEachBlock(m, (c, ci, block) -> {
				final Huffman dcTable = dc[c.td], acTable = ac[c.ta];
				final int s = dcTable.decode(in);
				pred[ci] += extend(in.bits(s), s);
				c.coef[block] = (short) pred[ci];
				for (int k = 1; k < 64;) {
					final int rs = acTable.decode(in), r = rs >> 4, size = rs & 15;
					if (size == 0) {
						if (r != 15) break;
						k += 16;
						continue;
					}
					k += r;
					if (k > 63) throw new JpegException("damaged scan data");
					c.coef[block + k] = (short) extend(in.bits(size), size);
					k++;
				}
			});
		}
		// after the data: skip any padding up to the next marker (normally EOI)
		int p = in.position();
		while (p + 1 < file.length && !((file[p] & 0xff) == 0xff && (file[p + 1] & 0xff) != 0 &&
			((file[p + 1] & 0xff) < 0xd0 || (file[p + 1] & 0xff) > 0xd7)))
			p++;
		afterScan = p;
	}

	private interface BlockVisitor {

		void visit(Component c, int componentIndex, int coefOffset);
	}

	/** Visits the blocks of MCU {@code m} in scan order. */
	private void forEachBlock(final int m, final BlockVisitor visitor) {
		final int mx = m % mcusX, my = m / mcusX;
		for (int ci = 0; ci < components.length; ci++) {
			final Component c = components[ci];
			if (!interleaved()) {
				visitor.visit(c, ci, (my * c.blocksW + mx) * 64);
				continue;
			}
			for (int v = 0; v < c.v; v++)
				for (int h = 0; h < c.h; h++)
					visitor.visit(c, ci, ((my * c.v + v) * c.blocksW + mx * c.h + h) * 64);
		}
	}

	private static int extend(final int v, final int s) {
		return s == 0 ? 0 : v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
	}

	private static int category(final int v) {
		int a = Math.abs(v), s = 0;
		while (a > 0) {
			a >>= 1;
			s++;
		}
		return s;
	}

	/**
	 * The file with the scan re-encoded from the current coefficients. The original Huffman
	 * tables are kept when they hold every symbol needed (then an unchanged file comes out byte
	 * for byte the same); otherwise optimal tables are computed and written instead.
	 */
	byte[] write() {
		final long[][] dcFreq = new long[4][257], acFreq = new long[4][257];
		encode(null, dcFreq, acFreq);
		boolean keep = true;
		for (int t = 0; t < 4; t++)
			for (int s = 0; s < 256; s++) {
				if (dcFreq[t][s] > 0 && !dc[t].has(s)) keep = false;
				if (acFreq[t][s] > 0 && !ac[t].has(s)) keep = false;
			}
		final Huffman[] dcT = dc.clone(), acT = ac.clone();
		final ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
		if (keep) out.write(file, 0, sosStart);
		else {
			// the headers without their DHT segments, then one DHT with the new tables
			int p = 2;
			out.write(file, 0, 2);
			while (p < sosStart) {
				if ((file[p + 1] & 0xff) == 0xff) {
					p++;
					continue;
				}
				final int end = p + 2 + u16(p + 2);
				if ((file[p + 1] & 0xff) != 0xc4) out.write(file, p, end - p);
				p = end;
			}
			final ByteArrayOutputStream dht = new ByteArrayOutputStream();
			for (int t = 0; t < 4; t++) {
				if (used(dcFreq[t])) {
					dcT[t] = Huffman.optimal(dcFreq[t]);
					final byte[] b = dcT[t].payload(t);
					dht.write(b, 0, b.length);
				}
				if (used(acFreq[t])) {
					acT[t] = Huffman.optimal(acFreq[t]);
					final byte[] b = acT[t].payload(0x10 | t);
					dht.write(b, 0, b.length);
				}
			}
			out.write(0xff);
			out.write(0xc4);
			out.write((dht.size() + 2) >> 8);
			out.write((dht.size() + 2) & 0xff);
			final byte[] d = dht.toByteArray();
			out.write(d, 0, d.length);
		}
		final int sosEnd = sosStart + 2 + u16(sosStart + 2);
		out.write(file, sosStart, sosEnd - sosStart);
		final Huffman[] saveDc = dc.clone(), saveAc = ac.clone();
		System.arraycopy(dcT, 0, dc, 0, 4);
		System.arraycopy(acT, 0, ac, 0, 4);
		try {
			encode(new BitWriter(out), null, null);
		}
		finally {
			System.arraycopy(saveDc, 0, dc, 0, 4);
			System.arraycopy(saveAc, 0, ac, 0, 4);
		}
		out.write(file, afterScan, file.length - afterScan);
		return out.toByteArray();
	}

	private static boolean used(final long[] freq) {
		for (final long f : freq)
			if (f > 0) return true;
		return false;
	}

	/** Encodes the scan into {@code out}, or only counts the symbols when {@code out} is null. */
	private void encode(final BitWriter out, final long[][] dcFreq, final long[][] acFreq) {
		final int[] pred = new int[components.length];
		final int mcus = mcusX * mcusY;
		for (int m = 0, restarts = 0; m < mcus; m++) {
			if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
				if (out != null) out.restart(restarts++ & 7);
				java.util.Arrays.fill(pred, 0);
			}
			forEachBlock(m, (c, ci, block) -> {
				final int diff = c.coef[block] - pred[ci];
				pred[ci] = c.coef[block];
				final int s = category(diff);
				symbol(out, dc[c.td], dcFreq == null ? null : dcFreq[c.td], s);
				if (out != null) out.write(diff < 0 ? diff - 1 : diff, s);
				int run = 0;
				for (int k = 1; k < 64; k++) {
					final int v = c.coef[block + k];
					if (v == 0) {
						run++;
						continue;
					}
					while (run > 15) {
						symbol(out, ac[c.ta], acFreq == null ? null : acFreq[c.ta], 0xf0);
						run -= 16;
					}
					final int size = category(v);
					symbol(out, ac[c.ta], acFreq == null ? null : acFreq[c.ta], run << 4 | size);
					if (out != null) out.write(v < 0 ? v - 1 : v, size);
					run = 0;
				}
				if (run > 0) symbol(out, ac[c.ta], acFreq == null ? null : acFreq[c.ta], 0);
			});
		}
		if (out != null) out.flush();
	}

	private static void symbol(final BitWriter out, final Huffman table, final long[] freq,
		final int s)
	{
		if (freq != null) freq[s]++;
		if (out != null) {
			if (!table.has(s)) throw new IllegalStateException("symbol " + s + " missing");
			out.write(table.code[s], table.length[s]);
		}
	}

	int hMax() {
		return hMax;
	}

	int vMax() {
		return vMax;
	}
}
