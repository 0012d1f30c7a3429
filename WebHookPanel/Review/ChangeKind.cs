namespace WebHookPanel.Review;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
