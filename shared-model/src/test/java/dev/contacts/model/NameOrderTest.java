package dev.contacts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameOrderTest {

    @Test
    void chineseJapaneseAndKoreanNamesAreFamilyNameFirstWithoutASpace() {
        assertEquals("王小明", NameOrder.full("小明", "王"));
        assertEquals("山田太郎", NameOrder.full("太郎", "山田"));
        assertEquals("佐藤さくら", NameOrder.full("さくら", "佐藤"), "a given name in hiragana");
        assertEquals("김민준", NameOrder.full("민준", "김"));
    }

    @Test
    void otherNamesAndMixedOnesAreGivenNameFirst() {
        assertEquals("Ada Lovelace", NameOrder.full("Ada", "Lovelace"));
        assertEquals("Jürgen Weiß", NameOrder.full(" Jürgen ", "Weiß"));
        assertEquals("Taro 山田", NameOrder.full("Taro", "山田"), "a name of two scripts keeps the order it was given");
        assertEquals("Cher", NameOrder.full("Cher", ""));
        assertEquals("小明", NameOrder.full("小明", null));
    }
}
