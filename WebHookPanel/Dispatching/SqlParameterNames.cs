namespace WebHookPanel.Dispatching;

/// <summary>
/// The <c>$name</c> parameters of a SQL text, each once and in order of appearance, so that a statement can be
/// prepared with all of them before its first use.
/// </summary>
public static class SqlParameterNames
{
    public static IEnumerable<string> Of(string sql)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] != '$')
            {
                continue;
            }

            var end = i + 1;
            while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }

            var name = sql[i..end];
            if (seen.Add(name))
            {
                yield return name;
            }

            i = end - 1;
        }
    }
}
