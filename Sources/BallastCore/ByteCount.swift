/// Human-readable byte counts in the units `docker images` uses (powers of 1000).
public enum ByteCount {
    public static func format(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 {
            return "\(bytes) B"
        }
        let digits = value < 10 ? 2 : (value < 100 ? 1 : 0)
        return String(format: "%.\(digits)f", value) + " " + units[unit]
    }
}
