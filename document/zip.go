package document

// zipWriter writes a ZIP archive with stored (uncompressed) entries. Office
// suites read stored entries like deflated ones; leaving compress/flate out
// keeps the WebAssembly engine small. OpenDocument requires its first entry,
// "mimetype", to be stored anyway.
type zipWriter struct {
	buf     []byte
	central []byte
	count   int
}

// File times are fixed (1 January 1980, the earliest a ZIP can say), so the
// same document gives the same bytes; the date that matters is inside.
const zipTime, zipDate = 0, 0x21

func (z *zipWriter) add(name string, data []byte) {
	crc := crc32(data)
	offset := len(z.buf)
	// Local file header. Flag 0x0800: the name is UTF-8.
	z.buf = le32(z.buf, 0x04034b50)
	z.buf = le16(z.buf, 20)
	z.buf = le16(z.buf, 0x0800)
	z.buf = le16(z.buf, 0) // stored
	z.buf = le16(z.buf, zipTime)
	z.buf = le16(z.buf, zipDate)
	z.buf = le32(z.buf, crc)
	z.buf = le32(z.buf, uint32(len(data)))
	z.buf = le32(z.buf, uint32(len(data)))
	z.buf = le16(z.buf, uint16(len(name)))
	z.buf = le16(z.buf, 0)
	z.buf = append(z.buf, name...)
	z.buf = append(z.buf, data...)

	c := z.central
	c = le32(c, 0x02014b50)
	c = le16(c, 20) // made by: MS-DOS attributes, version 2.0
	c = le16(c, 20)
	c = le16(c, 0x0800)
	c = le16(c, 0)
	c = le16(c, zipTime)
	c = le16(c, zipDate)
	c = le32(c, crc)
	c = le32(c, uint32(len(data)))
	c = le32(c, uint32(len(data)))
	c = le16(c, uint16(len(name)))
	c = le16(c, 0) // extra
	c = le16(c, 0) // comment
	c = le16(c, 0) // disk
	c = le16(c, 0) // internal attributes
	c = le32(c, 0) // external attributes
	c = le32(c, uint32(offset))
	c = append(c, name...)
	z.central = c
	z.count++
}

func (z *zipWriter) bytes() []byte {
	start := len(z.buf)
	b := append(z.buf, z.central...)
	b = le32(b, 0x06054b50)
	b = le16(b, 0)
	b = le16(b, 0)
	b = le16(b, uint16(z.count))
	b = le16(b, uint16(z.count))
	b = le32(b, uint32(len(z.central)))
	b = le32(b, uint32(start))
	b = le16(b, 0)
	return b
}

func le16(b []byte, v uint16) []byte { return append(b, byte(v), byte(v>>8)) }
func le32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

// crc32 is the IEEE CRC-32 of data, as ZIP needs it. A small loop of its
// own instead of hash/crc32, which brings the io and hash packages into
// the WebAssembly engine; documents are small, so speed does not matter.
func crc32(data []byte) uint32 {
	crc := ^uint32(0)
	for _, c := range data {
		crc ^= uint32(c)
		for i := 0; i < 8; i++ {
			crc = crc>>1 ^ 0xedb88320&-(crc&1)
		}
	}
	return ^crc
}
