package io.vocedge.device.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "我 的 手机 是 13812345678 谢谢|我 的 手机 是 <phone> 谢谢|phone",
        "一 三 八 一 二 三 四 五 六 七 八|<phone>|phone",
        "电话 幺 三 九 零 零 零 零 幺 幺 幺 幺|电话 <phone>|phone",
        "号码 138 1234 5678 打 过来|号码 <phone> 打 过来|phone",
        "sure it's five five five two one three four eight eight nine|sure it's <phone>|phone",
        "call me at double five five one two three four|call me at <phone>|phone",
        "身份证 11010519491231002X 给 你|身份证 <id> 给 你|id",
        "卡号 6222 0212 3456 7890 123|卡号 <card>|card",
        "mail me at john.smith@example.com please|mail me at <email> please|email",
        "车牌 京A12345 停 在 门口|车牌 <plate> 停 在 门口|plate",
        "新能源 粤B D12345 的 车|新能源 <plate> 的 车|plate",
        "my plate is ABC 1234|my plate is <plate>|plate",
        "座机 010-62345678|座机 <phone>|phone",
    })
    void personalNumbersBecomeTypedPlaceholders(String in, String out, String kind) {
        Redactor.Result r = redactor.redact(in);
        assertThat(r.text()).isEqualTo(out);
        assertThat(r.kinds()).containsExactly(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "there's a five hundred dollar doc fee",
        "we've been waiting forty minutes",
        "the price is 25999 with 2000 off",
        "等 了 一个 多 小时",
        "首付 三 万 月供 两 千 八",
        "come back at 10:30 on the 22nd",
        "one of the two cars",
        "价格 是 十二 万 八千",
    })
    void ordinaryNumbersAreKept(String in) {
        Redactor.Result r = redactor.redact(in);
        assertThat(r.text()).isEqualTo(in);
        assertThat(r.kinds()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "手机 1 3 8 - 1 2 3 4 - 5 6 7 8 还有 邮箱 a.b@c.cn|手机 <phone> 还有 邮箱 <email>",
        "phone one three eight 1234 five six seven eight|phone <phone>",
    })
    void mixedScriptsAndSplitNumbersAreCaught(String in, String out) {
        assertThat(redactor.redact(in).text()).isEqualTo(out);
    }
}
