namespace WebHookPanel;

/// <summary>
/// The names of an enum, looked up once: reading a value means exactly one of them, in any case. Numbers, lists
/// ("A,B", which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would combine as flags) and spaces
/// around a name are not names.
/// </summary>
public static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static IReadOnlyList<string> All { get; } = Enum.GetNames<TEnum>();

    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    public static bool TryRead(ReadOnlySpan<char> text, out TEnum value)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (text.Equals(All[i], StringComparison.OrdinalIgnoreCase))
            {
                value = Values[i];

                return true;
            }
        }

        value = default;

        return false;
    }

    public static string List => string.Join(", ", All);
}
