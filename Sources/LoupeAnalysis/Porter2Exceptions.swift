// Porter2 whole-word exceptions, tried before any other processing.

extension Porter2Word {
    /// Applies the algorithm's list of exceptional words: skis → ski, skies → sky, idly → idl,
    /// gently → gentl, ugly → ugli, early → earli, only → onli, singly → singl, and sky, news,
    /// howe, atlas, cosmos, bias, andes stay as they are. Returns true when the word was one of
    /// them (it then holds its final stem).
    mutating func applyWordException() -> Bool {
        switch count {
        case 3:
            return equals("sky")
        case 4:
            if equals("skis") || equals("idly") {
                count -= 1
                return true
            }
            if equals("ugly") || equals("only") {
                replaceSuffix(length: 1, with: "i")
                return true
            }
            return equals("news") || equals("howe") || equals("bias")
        case 5:
            if equals("skies") {
                replaceSuffix(length: 3, with: "y")
                return true
            }
            if equals("early") {
                replaceSuffix(length: 1, with: "i")
                return true
            }
            return equals("atlas") || equals("andes")
        case 6:
            if equals("gently") || equals("singly") {
                count -= 1
                return true
            }
            return equals("cosmos")
        default:
            return false
        }
    }
}
