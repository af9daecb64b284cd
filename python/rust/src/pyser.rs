//! Records straight into Python objects, shaped exactly as `json.loads` of the record's JSON
//! would shape them (dicts, lists, str, int, float, bool, None).
//!
//! A general serde-to-Python serializer makes a fresh `str` for every field name of every
//! record; a batch of a thousand records repeats the same few dozen names tens of thousands of
//! times. Field names are `&'static str`, so this one makes each name once per batch, interned
//! (which also gives it a cached hash for every dict insert), and reuses it.

use pyo3::BoundObject;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyModule, PyString};
use serde::Serialize;
use serde::ser::{self, Impossible};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// Field names already made into Python strings, by the address of the name.
pub struct Keys<'py> {
    py: Python<'py>,
    names: RefCell<HashMap<usize, Bound<'py, PyString>>>,
}

impl<'py> Keys<'py> {
    /// An empty cache, to share across the records of one batch.
    pub fn new(py: Python<'py>) -> Keys<'py> {
        Keys {
            py,
            names: RefCell::new(HashMap::with_capacity(128)),
        }
    }

    fn get(&self, name: &'static str) -> Bound<'py, PyString> {
        let mut names = self.names.borrow_mut();
        names
            .entry(name.as_ptr() as usize ^ (name.len() << 48))
            .or_insert_with(|| PyString::intern(self.py, name))
            .clone()
    }

    /// `value` as Python objects.
    pub fn to_python<T: Serialize + ?Sized>(&self, value: &T) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(Ser { keys: self }).map_err(|e| e.0)
    }
}

/// Pauses Python's cyclic garbage collector until dropped, if it was running.
pub struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    /// Pauses the collector.
    pub fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            Ok(GcPause { gc: Some(gc) })
        } else {
            Ok(GcPause { gc: None })
        }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = self.gc.take() {
            // Re-enabling cannot fail short of interpreter teardown; there is nobody to tell then.
            let _ = gc.call_method0("enable");
        }
    }
}

/// A Python exception on its way out of serde.
#[derive(Debug)]
pub struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(err: PyErr) -> Self {
        Error(err)
    }
}

type Result<T> = std::result::Result<T, Error>;

#[derive(Clone, Copy)]
struct Ser<'k, 'py> {
    keys: &'k Keys<'py>,
}

impl<'k, 'py> Ser<'k, 'py> {
    fn py(self) -> Python<'py> {
        self.keys.py
    }

    fn int<T>(self, v: T) -> Result<Bound<'py, PyAny>>
    where
        T: IntoPyObject<'py>,
        PyErr: From<T::Error>,
    {
        Ok(v.into_pyobject(self.py())
            .map_err(PyErr::from)?
            .into_any()
            .into_bound())
    }
}

/// A list being built.
struct Seq<'k, 'py> {
    ser: Ser<'k, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

/// A dict being built; `variant` wraps it as `{variant: dict}` at the end.
struct Map<'k, 'py> {
    ser: Ser<'k, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'k, 'py> ser::Serializer for Ser<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'k, 'py>;
    type SerializeTuple = Seq<'k, 'py>;
    type SerializeTupleStruct = Seq<'k, 'py>;
    type SerializeTupleVariant = Impossible<Self::Ok, Error>;
    type SerializeMap = Map<'k, 'py>;
    type SerializeStruct = Map<'k, 'py>;
    type SerializeStructVariant = Map<'k, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py(), v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        // JSON has no NaN or infinity: serde_json writes null, so must this.
        if v.is_finite() {
            Ok(PyFloat::new(self.py(), v).into_any())
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(PyString::new(self.py(), v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        // As serde_json: a list of numbers.
        let items = v.iter().map(|b| self.int(*b)).collect::<Result<Vec<_>>>()?;
        Ok(PyList::new(self.py(), items)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py().None().into_bound(self.py()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.keys.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let dict = PyDict::new(self.py());
        dict.set_item(self.keys.get(variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'k, 'py>> {
        Ok(Seq {
            ser: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'k, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'k, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(ser::Error::custom(format!(
            "{name}::{variant}: tuple variants are not part of the record"
        )))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'k, 'py>> {
        Ok(Map {
            ser: self,
            dict: PyDict::new(self.py()),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'k, 'py>> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'k, 'py>> {
        let mut map = self.serialize_map(None)?;
        map.variant = Some(variant);
        Ok(map)
    }
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(self.ser)?);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.ser.py(), self.items)?.into_any())
    }
}

/// The three list-shaped serde traits, all building a list element by element.
macro_rules! list_like {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Self::Ok> {
                self.finish()
            }
        }
    )*};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl<'py> Map<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        let value = value.serialize(self.ser)?;
        self.dict.set_item(self.ser.keys.get(key), value)?;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        match self.variant {
            None => Ok(self.dict.into_any()),
            Some(variant) => {
                let outer = PyDict::new(self.ser.py());
                outer.set_item(self.ser.keys.get(variant), self.dict)?;
                Ok(outer.into_any())
            }
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = key.serialize(self.ser)?;
        if !key.is_instance_of::<PyString>() {
            // JSON object keys are strings; a record never has others.
            return Err(ser::Error::custom("a record's map keys must be strings"));
        }
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value came without its key"))?;
        self.dict.set_item(key, value.serialize(self.ser)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.finish()
    }
}

/// Structs and struct variants: named fields into a dict.
macro_rules! dict_like {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Map<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<()> {
                self.field(key, value)
            }
            fn end(self) -> Result<Self::Ok> {
                self.finish()
            }
        }
    )*};
}

dict_like!(SerializeStruct, SerializeStructVariant);
