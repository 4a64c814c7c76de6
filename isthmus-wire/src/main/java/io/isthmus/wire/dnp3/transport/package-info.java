/** DNP3 transport function (IEEE 1815-2012 clause 8): reassembly of fragments from segments. */
package io.isthmus.wire.dnp3.transport;
