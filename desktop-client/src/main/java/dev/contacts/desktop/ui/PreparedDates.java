package dev.contacts.desktop.ui;

import java.util.function.Supplier;

/**
 * The person's {@link Dates}, made before they are needed: ICU's first pattern generator loads CLDR's locale data
 * (about 0.3 s in a cold JVM), which a login would otherwise pay on the FX thread when it builds the main view.
 * {@link #prepare} makes them in the background (once the window shows, so not in its way); {@link #get}, on the
 * FX thread, takes them, or makes them itself when it comes first.
 */
public final class PreparedDates {

    private static final System.Logger LOG = System.getLogger(PreparedDates.class.getName());

    private final Supplier<Dates> make;
    /** Set and read on the FX thread only (background results come back to it). */
    private Dates dates;

    public PreparedDates() {
        this(Dates::local);
    }

    PreparedDates(Supplier<Dates> make) {
        this.make = make;
    }

    /** Makes the dates with {@code background}, unless they are made already. */
    public void prepare(Background background) {
        if (dates != null) {
            return;
        }
        background.run(make::get, made -> {
            if (dates == null) {
                dates = made;
            }
        }, failure -> LOG.log(System.Logger.Level.WARNING, "Date patterns not prepared; made when needed", failure));
    }

    /** The dates: those prepared, or made now when they are not ready. */
    public Dates get() {
        if (dates == null) {
            dates = make.get();
        }
        return dates;
    }
}
