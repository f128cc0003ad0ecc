package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A date after a birth cue is removed as {@code dob}; every other date, and a cue without a whole date, stays. */
class BirthDatesTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "DOB 14/02/1988, and the licence number is on the back|DOB <dob>, and the licence number is on the back",
                "date of birth is the fourteenth of February nineteen eighty eight|date of birth is the <dob>",
                "my date of birth fourteen oh two eighty eight|my date of birth <dob>",
                "born on 3 March 1979|born on <dob>",
                "his birthday is 14 feb 1990 and he wants the car as a present|his birthday is <dob> and he wants the car as a present",
                "born the fourteenth feb eighty eight|born the <dob>",
                "dob is march third nineteen eighty five and that is it|dob is <dob> and that is it",
                "DOB 14.02.1988|DOB <dob>",
                "date of birth: 02-14-1988|date of birth: <dob>",
                "birthdate 1988-02-14 thanks|birthdate <dob> thanks",
                "DOB: 140288 please|DOB: <dob> please",
                "出生日期 1988年2月14日|出生日期 <dob>",
                "出生 日期 一九八八 年 二 月 十四 号|出生 日期 <dob>",
                "生日 是 八八 年 二 月 十四|生日 是 <dob>",
                "出生年月日是1990年5月3日，身份证号码|出生年月日是<dob>，身份证号码",
            })
    void aDateOfBirthIsRemoved(String input, String expected) {
        Redactor.Result r = redactor.redact(input);
        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.kinds()).contains("dob");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "DOB is needed for the credit check",
                "born in 1988 and still driving the same car",
                "it's my wife's birthday on Saturday so we need it by friday",
                "birthday on the 14th, can you deliver before",
                "we need the birth certificate and 2 forms of ID",
                "she was born 2 weeks early",
                "born and raised here, been coming for 20 years",
                "his birthday is next week, 3 days after delivery",
                "we'll deliver on 14/02/2027 at 10am",
                "the service is due on the fourteenth of February",
                "我 老婆 生日 是 下 个 月 十 号 之前 能 提车 吗",
                "生日 快乐 送 您 一 个 小 礼物",
                "学生 证 可以 打 九 五 折 吗",
                "先生 您 三 月 五 号 来 提车",
                "2024年3月5日提车，生日礼物",
                "birthday on the 14th of June, can you deliver before",
                "date of birth is the fourth of july",
                "生日 是 十 月 二十 五 号 那天 提车",
            })
    void otherDatesAndBareCuesStay(String input) {
        Redactor.Result r = redactor.redact(input);
        assertThat(r.text()).isEqualTo(input);
        assertThat(r.kinds()).isEmpty();
    }
}
