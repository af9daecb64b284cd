//! `Value` as a serde `Deserializer`, so front matter goes straight into a user's struct.
//!
//! Errors name the path of the value they are about (`categories[1]: invalid type …`), and
//! serde's own messages name missing and unknown fields.

use crate::error::Error;
use crate::value::{Map, Value};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;

/// Deserializes a parsed value into `T`.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Meta<'a> { title: &'a str, categories: Vec<String> }
///
/// let doc = "---\ntitle: 海港新闻\ncategories:\n- 本地\n- 交通\n---\n正文";
/// let fm = zhnews_frontmatter::split(doc).front_matter.unwrap();
/// let meta: Meta<'_> = zhnews_frontmatter::from_value(fm.parse().unwrap()).unwrap();
/// assert_eq!(meta.title, "海港新闻");
/// assert_eq!(meta.categories, ["本地", "交通"]);
/// ```
pub fn from_value<'de, T: de::Deserialize<'de>>(value: Value<'de>) -> Result<T, Error> {
    T::deserialize(value)
}

impl<'de> IntoDeserializer<'de, Error> for Value<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Float(f) => visitor.visit_f64(f),
            Value::String(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Value::String(Cow::Owned(s)) => visitor.visit_string(s),
            Value::Seq(items) => visitor.visit_seq(SeqDe {
                iter: items.into_iter(),
                index: 0,
            }),
            Value::Map(map) => visitor.visit_map(MapDe::new(map)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Value::String(s) => visitor.visit_enum(s.into_deserializer()),
            Value::Map(map) if map.len() == 1 => {
                let mut entries = map.into_iter();
                match entries.next() {
                    Some((k, v)) => visitor.visit_enum(EnumDe { key: k, value: v }),
                    None => Err(Error::data("expected an enum variant".to_string())),
                }
            }
            other => Err(Error::data(format!(
                "expected an enum variant (a string, or a mapping with one key), found {}",
                other.type_name()
            ))),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct SeqDe<'de> {
    iter: std::vec::IntoIter<Value<'de>>,
    index: usize,
}

impl<'de> SeqAccess<'de> for SeqDe<'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.iter.next() {
            Some(v) => {
                let i = self.index;
                self.index += 1;
                seed.deserialize(v)
                    .map(Some)
                    .map_err(|e| e.within(&format!("[{i}]")))
            }
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct MapDe<'de> {
    iter: std::vec::IntoIter<(Cow<'de, str>, Value<'de>)>,
    pending: Option<(String, Value<'de>)>,
}

impl<'de> MapDe<'de> {
    fn new(map: Map<'de>) -> Self {
        MapDe {
            iter: map.into_iter(),
            pending: None,
        }
    }
}

impl<'de> MapAccess<'de> for MapDe<'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((k, v)) => {
                self.pending = Some((k.to_string(), v));
                seed.deserialize(Value::String(k)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.pending.take() {
            Some((k, v)) => seed.deserialize(v).map_err(|e| e.within(&k)),
            None => Err(Error::data(
                "a map value was requested before its key".to_string(),
            )),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct EnumDe<'de> {
    key: Cow<'de, str>,
    value: Value<'de>,
}

impl<'de> de::EnumAccess<'de> for EnumDe<'de> {
    type Error = Error;
    type Variant = Value<'de>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Value<'de>), Error> {
        let v = seed.deserialize(Value::String(self.key))?;
        Ok((v, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for Value<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self {
            Value::Null => Ok(()),
            other => Err(Error::data(format!(
                "this enum variant takes no value, found {}",
                other.type_name()
            ))),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}
