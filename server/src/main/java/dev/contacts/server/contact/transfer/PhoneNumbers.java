package dev.contacts.server.contact.transfer;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * One phone number however it is written ("0170 1234567", "+49 170 1234567", "0049 (170) 123-4567"), told by
 * Google's libphonenumber, which knows each country's calling code and trunk prefix. A number written without its
 * country code says nothing of its country: it is read in the region of a number written with one on the same
 * contacts (the other numbers on the card), and where there is none it is compared by its digits only, so that a
 * number that is merely similar is never taken for the same.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** The region code libphonenumber reads a number with when it must carry its own country code. */
    private static final String NO_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /**
     * The region of the numbers among {@code phones} written with their country code ("+49 ...", or "0049 ...": 00
     * is the international call prefix most countries use); null when none is, or when they are of several
     * countries (then none of them says where the others are).
     */
    static String regionOf(List<String> phones) {
        String found = null;
        for (String phone : phones) {
            PhoneNumber number = parse(phone, NO_REGION);
            if (number != null) {
                String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
                if (NO_REGION.equals(region) || found != null && !found.equals(region)) {
                    return null;
                }
                found = region;
            }
        }
        return found;
    }

    /**
     * What two writings of one number share: the number in E.164 (with its extension, if any) when it can be read,
     * with {@code region} for one written without a country code (null: no region known); else "digits:" and its
     * digits, the comparison of old.
     */
    static String sameNumberKey(String phone, String region) {
        PhoneNumber number = parse(phone, region == null ? NO_REGION : region);
        if (number == null) {
            return "digits:" + Sameness.digits(phone);
        }
        String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        return number.hasExtension() ? e164 + ";ext=" + number.getExtension() : e164;
    }

    /**
     * The number's digits without its country code (when written with one, a "+" or "00" first) nor a national
     * trunk prefix (the leading zeros: "030 123456" and "+49 30 123456" both give "30123456"). Cheap enough to run
     * on each phone of 100,000 contacts: only the country code is looked up, nothing is parsed whole.
     */
    static String nationalDigits(String phone) {
        String text = phone == null ? "" : phone.strip();
        String digits = Sameness.digits(text);
        boolean international = text.startsWith("+") || digits.startsWith("00");
        if (international) {
            String full = text.startsWith("+") ? digits : digits.substring(2);
            digits = full.substring(countryCodeLength(full));
        }
        int zeros = 0;
        while (zeros < digits.length() && digits.charAt(zeros) == '0') {
            zeros++;
        }
        return digits.substring(zeros);
    }

    /**
     * How many of the first digits of a number written with its country code are that code: country codes are 1 to
     * 3 digits and none is the start of another, so the first prefix that is one is it (0 when none is).
     */
    private static int countryCodeLength(String digits) {
        for (int length = 1; length <= 3 && length <= digits.length(); length++) {
            if (!NO_REGION.equals(UTIL.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, length))))) {
                return length;
            }
        }
        return 0;
    }

    /** The number read in {@code region}; null when it is no possible number there (words, too few digits). */
    private static PhoneNumber parse(String phone, String region) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String text = phone.strip();
        if (text.startsWith("00")) {
            text = "+" + text.substring(2);
        }
        try {
            PhoneNumber number = UTIL.parse(text, region);
            return UTIL.isPossibleNumber(number) ? number : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
