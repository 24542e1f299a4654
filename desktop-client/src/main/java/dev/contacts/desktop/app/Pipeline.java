package dev.contacts.desktop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * How JavaFX draws, chosen before it starts. On Linux JavaFX first tries OpenGL (its es2 pipeline) and, if the only
 * OpenGL is Mesa's software one (no GPU: a VM, a remote or virtual display such as Xvfb), falls back to its own
 * software pipeline; but the probe has loaded Mesa's llvmpipe (libLLVM, its threads and buffers), which stays: 50-60 MB
 * of RSS for nothing (docs/benchmarks.md, "The desktop's memory"). So where the machine has no GPU device at all, the
 * app asks for the software pipeline at once. With a GPU, or with {@code prism.order} set by the person starting it,
 * nothing changes.
 *
 * <p>GTK probes OpenGL too: when JavaFX opens the display ({@code gtk_init}), GDK asks libepoxy whether the X server
 * has GLX, which loads the same Mesa (libGL, swrast_dri, libLLVM), although JavaFX never draws through GTK's OpenGL.
 * So with the software pipeline the app also sets {@code GDK_GL=disable} for GTK's start (unless the person set
 * {@code GDK_GL}), and takes it out of the environment again once the toolkit is up, so that programs the app starts
 * (a link's browser) do not inherit it.
 */
public final class Pipeline {

    static final String ORDER = "prism.order";
    static final String GDK_GL = "GDK_GL";

    /** The process's own environment, as C code such as GTK reads it (Java's {@code System.getenv} is a copy). */
    interface Environment {
        /** Sets the variable unless it is set; whether this call set it. */
        boolean setIfUnset(String name, String value);

        void unset(String name);
    }

    private static volatile boolean gdkGlSet;

    private Pipeline() {
    }

    /**
     * Sets {@code prism.order=sw} when there is nothing OpenGL could draw with but the CPU, and keeps GTK from loading
     * OpenGL when the software pipeline is the only one; call before JavaFX starts, then {@link #toolkitStarted()}.
     */
    public static void choose() {
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            choose(Path.of("/dev"), Libc::environment);
        }
    }

    static void choose(Path dev, Supplier<Environment> environment) {
        if (System.getProperty(ORDER) == null && !hasGpu(dev)) {
            System.setProperty(ORDER, "sw");
        }
        if ("sw".equals(System.getProperty(ORDER))) {
            Environment env = environment.get();
            gdkGlSet = env != null && env.setIfUnset(GDK_GL, "disable");
        }
    }

    /** Once GTK has started (JavaFX's {@code init()}): the {@code GDK_GL} the app set is taken out again. */
    public static void toolkitStarted() {
        if (gdkGlSet) { // else the C library is not even looked up
            toolkitStarted(Libc.environment());
        }
    }

    static void toolkitStarted(Environment env) {
        if (gdkGlSet && env != null) {
            gdkGlSet = false;
            env.unset(GDK_GL);
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

    /** The C library's {@code getenv}, {@code setenv} and {@code unsetenv}, through JNA (as the server's NativeHeap). */
    static final class Libc implements Environment {

        private interface C extends Library {
            String getenv(String name);

            int setenv(String name, String value, int overwrite);

            int unsetenv(String name);
        }

        private final C c;

        private Libc(C c) {
            this.c = c;
        }

        /** The process's C library, or null where it cannot be reached (then nothing is set). */
        static Environment environment() {
            try {
                return Platform.isLinux() ? new Libc(Native.load(Platform.C_LIBRARY_NAME, C.class)) : null;
            } catch (RuntimeException | LinkageError e) {
                return null;
            }
        }

        /** The variable's value in the C environment, or null. */
        String get(String name) {
            return c.getenv(name);
        }

        @Override
        public boolean setIfUnset(String name, String value) {
            try {
                return c.getenv(name) == null && c.setenv(name, value, 0) == 0;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        @Override
        public void unset(String name) {
            try {
                c.unsetenv(name);
            } catch (RuntimeException | LinkageError e) {
                // left set: GTK has read it already, and only programs the app starts would see it
            }
        }
    }
}
