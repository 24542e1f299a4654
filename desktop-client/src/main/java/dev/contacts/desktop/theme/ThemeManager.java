package dev.contacts.desktop.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.contacts.desktop.settings.Settings;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark (AtlantaFX Primer), switched at run time and remembered in the {@link Settings}. */
public final class ThemeManager {

    private static final String KEY = "theme";

    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public ThemeManager(Settings settings) {
        dark.set("dark".equals(settings.get(KEY).orElse("light")));
        dark.addListener((obs, was, is) -> {
            apply();
            settings.put(KEY, is ? "dark" : "light");
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
}
