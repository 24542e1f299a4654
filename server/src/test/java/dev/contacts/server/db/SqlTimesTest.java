package dev.contacts.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * SQLite's instants and dates read back exactly as written, instants whatever their width; text that is no instant
 * or no date is refused.
 */
class SqlTimesTest {

    @Test
    void everyInstantReadsBackAsWritten() {
        Random random = new Random(13);
        Instant first = Instant.parse("0000-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    first.getEpochSecond() + (long) (random.nextDouble() * (last.getEpochSecond() - first.getEpochSecond())),
                    random.nextInt(1_000_000_000));
            assertEquals(instant, SqlTimes.instant(SqlTimes.text(instant)), SqlTimes.text(instant));
        }
        for (String edge : new String[] {"2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00.000000000Z",
                "1969-12-31T23:59:59.999999999Z", "2100-02-28T12:00:00.000000001Z"}) {
            assertEquals(Instant.parse(edge), SqlTimes.instant(edge));
        }
    }

    @Test
    void olderWidthsStillRead() {
        for (String older : new String[] {"2025-03-04T05:06:07Z", "2025-03-04T05:06:07.5Z", "2025-03-04T05:06:07.123456Z"}) {
            assertEquals(Instant.parse(older), SqlTimes.instant(older));
        }
    }

    @Test
    void fixedWidthTextThatIsNoInstantIsRefusedAsBefore() {
        for (String wrong : new String[] {"2025-13-04T05:06:07.000000000Z", "2025-02-29T05:06:07.000000000Z",
                "2025-02-30T05:06:07.000000000Z", "2025-03-04T24:06:07.000000000Z", "2025-03-04T05:60:07.000000000Z",
                "2025-03-04T05:06:60.000000000Z", "2025-03-04T05:06:07.00000000xZ", "2025-03-04 05:06:07.000000000Z",
                "+025-03-04T05:06:07.000000000Z"}) {
            assertNull(SqlTimes.fixedWidth(wrong), wrong);
            assertThrows(DateTimeParseException.class, () -> SqlTimes.instant(wrong), wrong);
        }
    }

    @Test
    void everyDateReadsBackAsWritten() {
        for (LocalDate date = LocalDate.of(0, 1, 1); date.getYear() <= 9999; date = date.plusDays(1)) {
            assertEquals(date, SqlTimes.date(date.toString()));
        }
    }

    @Test
    void textThatIsNoStoredDateIsReadOrRefusedAsBefore() {
        for (String wrong : new String[] {"2025-13-04", "2025-00-04", "2025-02-29", "2024-02-30", "2025-04-31",
                "2025-03-00", "2025-3-04", "2025/03/04", "20250-03-04", "2025-03-0x", "-025-03-04", "2025-03-04Z"}) {
            assertNull(SqlTimes.fixedWidthDate(wrong), wrong);
            assertThrows(DateTimeParseException.class, () -> SqlTimes.date(wrong), wrong);
        }
        assertEquals(LocalDate.of(10_000, 1, 1), SqlTimes.date("+10000-01-01"), "a year of five digits is ISO's form");
    }
}
