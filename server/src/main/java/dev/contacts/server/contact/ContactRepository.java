package dev.contacts.server.contact;

import static dev.contacts.server.db.generated.Tables.CONTACTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import dev.contacts.server.db.generated.tables.records.ContactsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Contacts in the database: the only place with their SQL. Every query is scoped to one owner. */
public final class ContactRepository {

    /** One page of a listing and the total the listing has. */
    public record Page(List<Contact> items, int total) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public ContactRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Page list(long owner, int skip, int limit) {
        return page(CONTACTS.USER_ID.eq(owner), skip, limit);
    }

    public Page search(long owner, SearchCriteria criteria, int skip, int limit) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(CONTACTS.USER_ID.eq(owner));
        if (criteria.query() != null) {
            conditions.add(contains(CONTACTS.FIRST_NAME_FOLDED, criteria.query())
                    .or(contains(CONTACTS.LAST_NAME_FOLDED, criteria.query()))
                    .or(contains(CONTACTS.EMAIL_FOLDED, criteria.query())));
        }
        if (criteria.firstName() != null) {
            conditions.add(contains(CONTACTS.FIRST_NAME_FOLDED, criteria.firstName()));
        }
        if (criteria.lastName() != null) {
            conditions.add(contains(CONTACTS.LAST_NAME_FOLDED, criteria.lastName()));
        }
        if (criteria.email() != null) {
            conditions.add(contains(CONTACTS.EMAIL_FOLDED, criteria.email()));
        }
        return page(DSL.and(conditions), skip, limit);
    }

    /** The owner's contacts with a birthday whose month-day is in one of {@code ranges} (all when empty). */
    public List<Contact> withBirthdayIn(long owner, List<BirthdayCalendar.MonthDayRange> ranges) {
        Condition inRanges = ranges.isEmpty()
                ? CONTACTS.BIRTHDAY_MD.isNotNull()
                : DSL.or(ranges.stream().map(r -> CONTACTS.BIRTHDAY_MD.between(r.from(), r.to())).toList());
        return dsl.selectFrom(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(inRanges))
                .fetch(ContactRepository::toContact);
    }

    public Optional<Contact> find(long owner, long id) {
        return dsl.selectFrom(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.ID.eq(id)))
                .fetchOptional(ContactRepository::toContact);
    }

    public Contact create(long owner, ContactDraft draft) {
        String now = now();
        ContactsRecord record = dsl.newRecord(CONTACTS);
        record.setUserId(owner);
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        fill(record, draft);
        record.store();
        return toContact(record);
    }

    /** Replaces every editable field; empty when the owner has no such contact. */
    public Optional<Contact> replace(long owner, long id, ContactDraft draft) {
        return update(owner, id, current -> draft);
    }

    /**
     * Changes the contact with {@code change(current draft)} in one transaction, so two concurrent partial
     * updates never undo each other's fields. {@code change} may throw to refuse; nothing is written then.
     */
    public Optional<Contact> update(long owner, long id, UnaryOperator<ContactDraft> change) {
        return dsl.transactionResult(tx -> {
            ContactsRecord record = tx.dsl().selectFrom(CONTACTS)
                    .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.ID.eq(id)))
                    .fetchOne();
            if (record == null) {
                return Optional.empty();
            }
            fill(record, change.apply(toContact(record).toDraft()));
            record.setUpdatedAt(now());
            record.store();
            return Optional.of(toContact(record));
        });
    }

    public boolean delete(long owner, long id) {
        return dsl.deleteFrom(CONTACTS)
                .where(CONTACTS.USER_ID.eq(owner).and(CONTACTS.ID.eq(id)))
                .execute() > 0;
    }

    private Page page(Condition condition, int skip, int limit) {
        int total = dsl.fetchCount(CONTACTS, condition);
        List<Contact> items = dsl.selectFrom(CONTACTS)
                .where(condition)
                .orderBy(CONTACTS.ID)
                .limit(limit)
                .offset(skip)
                .fetch(ContactRepository::toContact);
        return new Page(items, total);
    }

    /** A literal substring test: no LIKE, so {@code %}, {@code _} and backslashes are plain characters. */
    private static Condition contains(Field<String> folded, String needle) {
        return DSL.position(folded, DSL.val(needle)).gt(0);
    }

    private static void fill(ContactsRecord record, ContactDraft draft) {
        record.setFirstName(draft.firstName());
        record.setLastName(draft.lastName());
        record.setEmail(draft.email());
        record.setPhone(draft.phone());
        record.setBirthday(draft.birthday() == null ? null : draft.birthday().toString());
        record.setAdditionalData(draft.additionalData());
        record.setFirstNameFolded(SearchText.fold(draft.firstName()));
        record.setLastNameFolded(SearchText.fold(draft.lastName()));
        record.setEmailFolded(SearchText.fold(draft.email()));
        record.setBirthdayMd(draft.birthday() == null ? null : BirthdayCalendar.monthDay(draft.birthday()));
    }

    private static Contact toContact(ContactsRecord r) {
        return new Contact(r.getId(), r.getFirstName(), r.getLastName(), r.getEmail(), r.getPhone(),
                r.getBirthday() == null ? null : LocalDate.parse(r.getBirthday()), r.getAdditionalData(),
                Instant.parse(r.getCreatedAt()), Instant.parse(r.getUpdatedAt()));
    }

    private String now() {
        return clock.instant().toString();
    }
}
