package dev.contacts.desktop.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark (AtlantaFX Primer), switched at run time and remembered in {@code desktop.properties} in the
 * app's data folder. Only the theme is kept there: never a token or a password. The file is read when this is
 * made (the app does that before the FX thread starts) and written on a background thread.
 */
public final class ThemeManager {

    private static final System.Logger LOG = System.getLogger(ThemeManager.class.getName());
    private static final String KEY = "theme";

    private final Path settingsFile;
    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public ThemeManager(Path dataDir) {
        this.settingsFile = dataDir.resolve("desktop.properties");
        dark.set("dark".equals(load().getProperty(KEY)));
        dark.addListener((obs, was, is) -> {
            apply();
            Thread.ofVirtual().name("contacts-settings").start(() -> save(is));
        });
    }

    /** Sets the user-agent stylesheet of the whole app to the chosen theme. */
    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        dark.set(!dark.get());
    }

    private Properties load() {
        Properties props = new Properties();
        if (Files.isRegularFile(settingsFile)) {
            try (InputStream in = Files.newInputStream(settingsFile)) {
                props.load(in);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot read " + settingsFile + "; using the light theme", e);
            }
        }
        return props;
    }

    /** Serialised: two quick toggles write in order, the last one wins. */
    private synchronized void save(boolean darkTheme) {
        Properties props = load();
        props.setProperty(KEY, darkTheme ? "dark" : "light");
        try {
            Files.createDirectories(settingsFile.getParent());
            try (OutputStream out = Files.newOutputStream(settingsFile)) {
                props.store(out, "Contacts desktop settings");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot save the theme to " + settingsFile, e);
        }
    }
}
