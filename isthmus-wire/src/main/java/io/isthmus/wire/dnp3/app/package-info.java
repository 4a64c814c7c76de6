/**
 * DNP3 application layer (IEEE 1815-2012 clause 4): control octet, function codes, internal
 * indications and object headers, with object data stepped over by the sizes of the object library.
 */
package io.isthmus.wire.dnp3.app;
