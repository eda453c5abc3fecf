package org.hotpixels.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Real photographs shipped by Debian's wallpaper packages ({@code mate-backgrounds}: the
 * "nature" set; {@code plasma-workspace-wallpapers}: the photographic ones), chosen by eye from
 * the packages' contents: no renders, drawings or abstract art. Loaded as {@code TYPE_INT_RGB}.
 */
final class RealPhotos {

	/** Debian packages that provide {@link #FILES}. */
	static final String[] PACKAGES = { "mate-backgrounds", "plasma-workspace-wallpapers" };

	private static final String MATE = "/usr/share/backgrounds/mate/nature/";
	private static final String PLASMA = "/usr/share/wallpapers/";
	private static final String PLASMA_IMAGE = "/contents/images/2560x1600.jpg";

	/** The photographs (23 scenes: plants, water, landscapes, objects). */
	static final String[] FILES = { MATE + "Aqua.jpg", MATE + "Blinds.jpg", MATE + "Dune.jpg", MATE +
		"FreshFlower.jpg", MATE + "Garden.jpg", MATE + "GreenMeadow.jpg", MATE + "LadyBird.jpg", MATE +
			"RainDrops.jpg", MATE + "Storm.jpg", MATE + "TwoWings.jpg", MATE + "Wood.jpg", MATE +
				"YellowFlower.jpg", PLASMA + "BytheWater" + PLASMA_IMAGE, PLASMA + "ColdRipple" +
					PLASMA_IMAGE, PLASMA + "ColorfulCups" + PLASMA_IMAGE, PLASMA + "DarkestHour" +
						PLASMA_IMAGE, PLASMA + "EveningGlow" + PLASMA_IMAGE, PLASMA + "FallenLeaf" +
							PLASMA_IMAGE, PLASMA + "Grey" + PLASMA_IMAGE, PLASMA + "Kite" + PLASMA_IMAGE, PLASMA +
								"OneStandsOut" + PLASMA_IMAGE, PLASMA + "Path" + PLASMA_IMAGE, PLASMA +
									"summer_1am" + PLASMA_IMAGE };

	private RealPhotos() {}

	/** The photographs that exist on this machine, in {@link #FILES} order. */
	static List<Path> available() {
		final List<Path> out = new ArrayList<>();
		for (final String f : FILES)
			if (Files.isReadable(Paths.get(f))) out.add(Paths.get(f));
		return out;
	}

	/** Decodes the files as RGB images; fails naming the file that cannot be read. */
	static List<BufferedImage> load(final List<Path> files) throws IOException {
		final List<BufferedImage> images = new ArrayList<>();
		for (final Path f : files) {
			final BufferedImage raw = ImageIO.read(f.toFile());
			if (raw == null) throw new IOException(f + ": not a readable image");
			final BufferedImage rgb = new BufferedImage(raw.getWidth(), raw.getHeight(),
				BufferedImage.TYPE_INT_RGB);
			rgb.getGraphics().drawImage(raw, 0, 0, null);
			images.add(rgb);
		}
		return images;
	}
}
