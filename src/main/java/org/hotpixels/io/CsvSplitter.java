package org.hotpixels.io;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields; a field may be double-quoted, with "" for a quote. */
final class CsvSplitter {

	private CsvSplitter() {}

	static List<String> split(final String line, final char separator) {
		final List<String> fields = new ArrayList<>();
		final StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (quoted) {
				if (c != '"') field.append(c);
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else quoted = false;
			}
			else if (c == '"') quoted = true;
			else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else field.append(c);
		}
		fields.add(field.toString());
		return fields;
	}
}
