/// Test shorthands for byte keys and values.
func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
func string(_ b: UnsafeRawBufferPointer?) -> String? { b.map { String(decoding: $0, as: UTF8.self) } }
