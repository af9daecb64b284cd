//! Numbers as dates write them: ASCII and full-width digits, Chinese numerals.

use nom::IResult;

pub(crate) type Res<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Value of an ASCII or full-width digit.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Value of a Chinese digit character (〇 through 九, 两 as 2).
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'Ｏ' | '○' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A run of ASCII or full-width digits: its value (saturating) and number of digits.
pub(crate) fn digits(i: &str) -> Res<'_, (u64, usize)> {
    let mut value: u64 = 0;
    let mut count = 0;
    let mut end = 0;
    for (at, c) in i.char_indices() {
        match digit_value(c) {
            Some(d) => {
                value = value.saturating_mul(10).saturating_add(u64::from(d));
                count += 1;
                end = at + c.len_utf8();
            }
            None => break,
        }
    }
    if count == 0 {
        return fail(i);
    }
    Ok((&i[end..], (value, count)))
}

/// Digits with at most `max` of them, as a value.
pub(crate) fn small(max: usize) -> impl Fn(&str) -> Res<'_, u32> {
    move |i| {
        let (rest, (v, n)) = digits(i)?;
        if n > max {
            return fail(i);
        }
        Ok((rest, v as u32))
    }
}

/// A Chinese numeral from 0 to 99: 三, 十, 十二, 二十, 二十三, 廿三, 卅; 两 counts as 2.
pub(crate) fn cn_small(i: &str) -> Res<'_, u32> {
    let mut chars = i.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return fail(i);
    };
    let mut used = first.len_utf8();
    let tens_char = |c: char| match c {
        '十' => Some(10),
        '廿' => Some(20),
        '卅' => Some(30),
        _ => None,
    };
    let value = if let Some(t) = tens_char(first) {
        match chars
            .peek()
            .and_then(|&(_, c)| cn_digit(c).filter(|&d| d > 0).map(|d| (d, c)))
        {
            Some((d, c)) => {
                used += c.len_utf8();
                t + d
            }
            None => t,
        }
    } else if let Some(d) = cn_digit(first) {
        match chars.peek().copied() {
            Some((_, '十')) if d >= 2 => {
                used += '十'.len_utf8();
                chars.next();
                match chars
                    .peek()
                    .and_then(|&(_, c)| cn_digit(c).filter(|&u| u > 0).map(|u| (u, c)))
                {
                    Some((u, c)) => {
                        used += c.len_utf8();
                        d * 10 + u
                    }
                    None => d * 10,
                }
            }
            _ => d,
        }
    } else {
        return fail(i);
    };
    Ok((&i[used..], value))
}

/// A number of at most `max` digits, or a Chinese numeral up to 99.
pub(crate) fn number(max: usize) -> impl Fn(&str) -> Res<'_, u32> {
    move |i| small(max)(i).or_else(|_| cn_small(i))
}

/// A year written digit by digit in Chinese (二〇二二): exactly four characters.
pub(crate) fn cn_year(i: &str) -> Res<'_, i32> {
    let mut value = 0i32;
    let mut end = 0;
    for (n, (at, c)) in i.char_indices().enumerate() {
        if n == 4 {
            break;
        }
        match cn_digit(c) {
            Some(d) if c != '两' && c != '兩' => {
                value = value * 10 + d as i32;
                end = at + c.len_utf8();
            }
            _ => return fail(i),
        }
    }
    if i[..end].chars().count() != 4 {
        return fail(i);
    }
    Ok((&i[end..], value))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_small("十二月"), Ok(("月", 12)));
        assert_eq!(cn_small("二十三日"), Ok(("日", 23)));
        assert_eq!(cn_small("十日"), Ok(("日", 10)));
        assert_eq!(cn_small("三十"), Ok(("", 30)));
        assert_eq!(cn_small("廿五"), Ok(("", 25)));
        assert_eq!(cn_small("两天"), Ok(("天", 2)));
        assert!(cn_small("月").is_err());
        assert_eq!(cn_year("二〇二二年"), Ok(("年", 2022)));
        assert!(cn_year("二〇二年").is_err());
        assert_eq!(digits("２０２４年"), Ok(("年", (2024, 4))));
        assert_eq!(number(2)("12月"), Ok(("月", 12)));
        assert!(small(2)("123").is_err());
    }
}
