package dev.contacts.desktop.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.contacts.desktop.api.ApiFailure;
import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.app.Session.LoginNotice;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.ui.Background;
import dev.contacts.desktop.ui.Messages;
import dev.contacts.model.AccountRules;
import dev.contacts.model.FieldError;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Log in, or create an account and then log in. Errors are shown beside the field they are about. */
public final class LoginViewModel {

    /** The settings key of the last email that logged in to the app's own server. */
    static final String LAST_EMAIL = "last-email";

    private final Session session;
    private final Background background;

    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty registering = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    /** While the app's own server starts: says so; if it cannot start: why. Empty once it answers. */
    private final ReadOnlyStringWrapper serverStatus = new ReadOnlyStringWrapper("");
    private final Settings settings;
    /** The remote server logged in to; empty: the app's own. */
    private final Optional<URI> server;
    /** Where the last email that logged in to this server is kept: each server has its own accounts. */
    private final String lastEmailKey;
    private final Clock clock;
    /** When the server lets this address try again after too many attempts; null when it is not waiting. */
    private Instant retryAt;

    /** Logging in to the app's own server. */
    public LoginViewModel(Session session, Background background, Settings settings, Clock clock) {
        this(session, background, settings, clock, Optional.empty());
    }

    /** Logging in to {@code server} (empty: the app's own), whose last email is the one filled in. */
    public LoginViewModel(Session session, Background background, Settings settings, Clock clock,
                          Optional<URI> server) {
        this.session = session;
        this.background = background;
        this.settings = settings;
        this.lastEmailKey = lastEmailKey(server);
        this.server = server;
        this.clock = clock;
        email.set(settings.get(lastEmailKey).orElse(""));
        message.bind(Bindings.createStringBinding(() -> session.loginNoticeProperty().get().text(),
                session.loginNoticeProperty()));
        messageIsError.bind(Bindings.createBooleanBinding(() -> session.loginNoticeProperty().get().error(),
                session.loginNoticeProperty()));
        registering.addListener((obs, was, is) -> {
            clearErrors();
            keepRememberedEmailInLogIn(is);
        });
    }

    /**
     * The settings key of the last email that logged in to {@code server}: {@link #LAST_EMAIL} for the app's own
     * (as before servers were told apart), with the server's address after it for another one, so that an email
     * used on one server is not offered on the next ("HTTP://Host:8000" and "http://host:8000/" are one server).
     */
    static String lastEmailKey(Optional<URI> server) {
        return server.map(uri -> LAST_EMAIL + "@" + uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                        + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                        + Objects.requireNonNullElse(uri.getRawPath(), "").replaceFirst("/+$", ""))
                .orElse(LAST_EMAIL);
    }

    /**
     * The remembered email belongs to "Log in": a new account is someone else's, so "Create an account" starts
     * empty (an address the person typed themselves stays), and "Log in" gets the remembered one back.
     */
    private void keepRememberedEmailInLogIn(boolean creatingAccount) {
        String remembered = settings.get(lastEmailKey).orElse("");
        if (creatingAccount && !remembered.isEmpty() && email.get().strip().equals(remembered)) {
            email.set("");
        } else if (!creatingAccount && email.get().isBlank()) {
            email.set(remembered);
        }
    }

    /** Whether the email is filled in already (the last one that logged in), so the password is next. */
    public boolean knowsEmail() {
        return !email.get().isBlank();
    }

    /** Logs in (or registers first, in "create account" mode). Does nothing while a previous submit is running. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        clearErrors();
        String mail = email.get().strip();
        String secret = password.get();
        if (!checkLocally(mail, secret)) {
            return;
        }
        busy.set(true);
        boolean register = registering.get();
        ContactsApi client = session.clientFor(mail);
        background.run(() -> {
            if (register) {
                session.api().register(mail, secret);
            }
            client.login(mail, secret);
            return true;
        }, ok -> {
            password.set("");
            registering.set(false);
            settings.put(lastEmailKey, mail);
            session.loggedIn(mail, client);
        }, this::failed, () -> busy.set(false));
    }

    /**
     * A new install with no account yet: open on "Create your account", since "Log in" would only answer
     * "Wrong email or password" to someone who has none. A remembered email means an account exists.
     */
    public void offerAccountCreation() {
        if (!knowsEmail()) {
            registering.set(true);
        }
    }

    /**
     * The app's own server is still starting ({@code started} blocks until it answers, and throws if it cannot
     * start): this says so meanwhile, and the fields stay usable; a submit just waits for the server.
     */
    public void waitForServer(Runnable started) {
        serverStatus.set("Starting your address book…");
        background.run(() -> {
            started.run();
            return true;
        }, ok -> serverStatus.set(""), failure -> serverStatus.set(failure.getMessage()));
    }

    public ReadOnlyStringProperty serverStatusProperty() {
        return serverStatus.getReadOnlyProperty();
    }

    public void toggleMode() {
        registering.set(!registering.get());
    }

    private boolean checkLocally(String mail, String secret) {
        if (mail.isEmpty()) {
            emailError.set("Enter your email address.");
        }
        if (secret.isEmpty()) {
            passwordError.set("Enter your password.");
        }
        if (registering.get()) {
            List<FieldError> errors = new ArrayList<>();
            if (!mail.isEmpty()) {
                AccountRules.checkEmail("email", mail, errors);
            }
            if (!secret.isEmpty()) {
                AccountRules.checkPassword("password", secret, errors);
            }
            show(errors);
        }
        return emailError.get().isEmpty() && passwordError.get().isEmpty();
    }

    private void failed(Throwable failure) {
        if (failure instanceof ApiFailure.Refused refused && refused.status() == 429
                && refused.retryAfter().isPresent()) {
            retryAt = clock.instant().plus(refused.retryAfter().get());
            tick();
            return;
        }
        if (failure instanceof ApiFailure.Invalid invalid) {
            show(invalid.errors());
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 401) {
            tell(LoginNotice.error("Wrong email or password."));
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 409) {
            emailError.set("An account with this email already exists. Log in instead?");
        } else if (failure instanceof ApiFailure.Refused refused && refused.status() == 404 && server.isPresent()) {
            // a --server address with a wrong path: something answers there, but no Contacts server ("Not Found")
            tell(LoginNotice.error("No Contacts server answers at " + server.get() + ". Check the address."));
        } else {
            tell(LoginNotice.error(Messages.of(failure)));
        }
    }

    private void show(List<FieldError> errors) {
        for (FieldError error : errors) {
            String text = Messages.of(error);
            switch (error.field()) {
                case "email", "username" -> emailError.set(text);
                case "password" -> passwordError.set(text);
                default -> tell(LoginNotice.error(text));
            }
        }
    }

    /**
     * Counts the wait after too many attempts down (the view calls this every second); at zero it says the
     * person may try again.
     */
    public void tick() {
        if (retryAt == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), retryAt);
        if (left.isNegative() || left.isZero()) {
            retryAt = null;
            tell(LoginNotice.notice("You can try again now."));
        } else {
            tell(LoginNotice.error("Too many attempts. Try again in "
                    + Messages.inWords(left.plusMillis(999).truncatedTo(ChronoUnit.SECONDS)) + "."));
        }
    }

    /** Whether a wait after too many attempts is being counted down. */
    public boolean isCountingDown() {
        return retryAt != null;
    }

    private void clearErrors() {
        retryAt = null;
        emailError.set("");
        passwordError.set("");
        tell(LoginNotice.NONE);
    }

    private void tell(LoginNotice notice) {
        session.loginNoticeProperty().set(notice);
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty registeringProperty() {
        return registering;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty emailErrorProperty() {
        return emailError;
    }

    public StringProperty passwordErrorProperty() {
        return passwordError;
    }

    /** The general message: why the person is here, or what went wrong that is not about one field. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message says something went wrong (shown as an error), not just a notice. */
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }
}
