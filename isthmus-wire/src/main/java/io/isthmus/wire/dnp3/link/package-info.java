/** DNP3 data link layer (IEEE 1815-2012 clause 9): frame header, CRCs, user-data blocks. */
package io.isthmus.wire.dnp3.link;
