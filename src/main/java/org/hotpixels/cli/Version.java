package org.hotpixels.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (or "development" when run from classes). */
final class Version implements IVersionProvider {

	@Override
	public String[] getVersion() {
		final String v = Version.class.getPackage().getImplementationVersion();
		return new String[]{ "Hot Pixel Finder " + (v == null ? "(development build)" : v) };
	}
}
