package dev.contacts.desktop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How JavaFX draws, chosen before it starts. On Linux JavaFX first tries OpenGL (its es2 pipeline) and, if the only
 * OpenGL is Mesa's software one (no GPU: a VM, a remote or virtual display such as Xvfb), falls back to its own
 * software pipeline; but the probe has loaded Mesa's llvmpipe (libLLVM, its threads and buffers), which stays: 50-60 MB
 * of RSS for nothing (README, "The desktop's memory"). So where the machine has no GPU device at all, the app asks
 * for the software pipeline at once. With a GPU, or with {@code prism.order} set by the person starting it, nothing
 * changes.
 */
public final class Pipeline {

    static final String ORDER = "prism.order";

    private Pipeline() {
    }

    /** Sets {@code prism.order=sw} when there is nothing OpenGL could draw with but the CPU; call before JavaFX starts. */
    public static void choose() {
        String os = System.getProperty("os.name", "");
        if (System.getProperty(ORDER) == null && os.startsWith("Linux") && !hasGpu(Path.of("/dev"))) {
            System.setProperty(ORDER, "sw");
        }
    }

    /**
     * Whether {@code dev} has a device a GPU driver draws through: the kernel's DRM nodes ({@code dri/card*},
     * {@code dri/renderD*}), or NVIDIA's own ({@code nvidia0}, ...), which its driver uses without DRM.
     */
    static boolean hasGpu(Path dev) {
        try (Stream<Path> dri = Files.isDirectory(dev.resolve("dri")) ? Files.list(dev.resolve("dri")) : Stream.empty();
             Stream<Path> nvidia = Files.list(dev)) {
            return dri.anyMatch(p -> name(p).startsWith("card") || name(p).startsWith("renderD"))
                    || nvidia.anyMatch(p -> name(p).matches("nvidia\\d+"));
        } catch (IOException | RuntimeException e) {
            return true; // unknown: leave it to JavaFX
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
