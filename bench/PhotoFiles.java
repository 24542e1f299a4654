import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Photo-like JPEGs for bench/window-startup.sh (PHOTOS=n): 512×512 (the size the server keeps at most), a gradient,
 * a head and shoulders and sensor-like noise, so that each compresses like a portrait (tens of KB), not like a flat
 * picture. Usage: java bench/PhotoFiles.java dir count (files dir/0.jpg ...).
 */
public class PhotoFiles {
    public static void main(String[] args) throws IOException {
        File dir = new File(args[0]);
        int count = Integer.parseInt(args[1]);
        dir.mkdirs();
        for (int n = 0; n < count; n++) {
            Random random = new Random(n);
            BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), 512, 512,
                    new Color(random.nextInt(0xffffff))));
            g.fillRect(0, 0, 512, 512);
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(96, 360, 320, 300); // shoulders
            g.setColor(new Color(200 + random.nextInt(50), 150 + random.nextInt(60), 110 + random.nextInt(60)));
            g.fillOval(166, 110, 180, 230); // head
            g.dispose();
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    int rgb = image.getRGB(x, y), noise = (int) (random.nextGaussian() * 6);
                    int r = clamp(((rgb >> 16) & 0xff) + noise), gr = clamp(((rgb >> 8) & 0xff) + noise);
                    image.setRGB(x, y, r << 16 | gr << 8 | clamp((rgb & 0xff) + noise));
                }
            }
            ImageIO.write(image, "jpg", new File(dir, n + ".jpg"));
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
