using WebHookPanel.WebHooks;

namespace WebHookPanel.Catalog;

/// <summary>The attributes every new panel starts with: what engagement platforms usually know of a user.</summary>
public static class CatalogSeed
{
    public static IReadOnlyList<CatalogAttribute> Attributes { get; } = Build();

    private static List<CatalogAttribute> Build()
    {
        var rows = new List<CatalogAttribute>();

        void Add(AttributeKind kind, string name, string description, TriggerType? trigger = null) =>
            rows.Add(new CatalogAttribute
            {
                Id = rows.Count + 1,
                Kind = kind,
                Name = name,
                Description = description,
                TriggerType = trigger,
            });

        Add(AttributeKind.Profile, "externalId", "The user's id in your own systems");
        Add(AttributeKind.Profile, "email", "E-mail address");
        Add(AttributeKind.Profile, "msisdn", "Mobile phone number");
        Add(AttributeKind.Profile, "name", "First name");
        Add(AttributeKind.Profile, "surname", "Last name");
        Add(AttributeKind.Profile, "gender", "Gender");
        Add(AttributeKind.Profile, "birthday", "Date of birth");
        Add(AttributeKind.Profile, "city", "City");
        Add(AttributeKind.Profile, "country", "Country");
        Add(AttributeKind.Profile, "language", "Preferred language");
        Add(AttributeKind.Profile, "emailPermit", "Consents to e-mail");
        Add(AttributeKind.Profile, "gsmPermit", "Consents to SMS");
        Add(AttributeKind.Profile, "createdAt", "When the profile was created");

        Add(AttributeKind.Device, "platform", "iOS, Android or Web");
        Add(AttributeKind.Device, "osVersion", "Operating system version");
        Add(AttributeKind.Device, "appVersion", "App version");
        Add(AttributeKind.Device, "model", "Device model");
        Add(AttributeKind.Device, "brand", "Device brand");
        Add(AttributeKind.Device, "language", "Device language");
        Add(AttributeKind.Device, "timezone", "Device time zone");
        Add(AttributeKind.Device, "pushToken", "Push token");
        Add(AttributeKind.Device, "installationId", "Installation id");
        Add(AttributeKind.Device, "carrier", "Mobile carrier");
        Add(AttributeKind.Device, "sdkVersion", "SDK version");

        Add(AttributeKind.Context, "pushId", "Push campaign id", TriggerType.PushClick);
        Add(AttributeKind.Context, "pushInstanceId", "Id of the push as sent to this device", TriggerType.PushClick);
        Add(AttributeKind.Context, "buttonId", "The button the user pressed", TriggerType.PushClick);
        Add(AttributeKind.Context, "deepLink", "The link the push opened", TriggerType.PushClick);
        Add(AttributeKind.Context, "messageId", "Message id", TriggerType.MessageLog);
        Add(AttributeKind.Context, "channel", "push, email, sms or inapp", TriggerType.MessageLog);
        Add(AttributeKind.Context, "status", "Delivery status of the message", TriggerType.MessageLog);
        Add(AttributeKind.Context, "geofenceId", "Geofence id", TriggerType.Geofence);
        Add(AttributeKind.Context, "transition", "enter, exit or dwell", TriggerType.Geofence);
        Add(AttributeKind.Context, "latitude", "Latitude of the device", TriggerType.Geofence);
        Add(AttributeKind.Context, "longitude", "Longitude of the device", TriggerType.Geofence);
        Add(AttributeKind.Context, "eventCode", "The custom event's code", TriggerType.Event);
        Add(AttributeKind.Context, "eventValue", "The custom event's value", TriggerType.Event);
        Add(AttributeKind.Context, "occurredAt", "When the event happened");

        return rows;
    }
}
