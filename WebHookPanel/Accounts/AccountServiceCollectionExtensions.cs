using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WebHookPanel.Data;

namespace WebHookPanel.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the panel's database with its cookie as the default scheme of the pages; the API
    /// keeps its own scheme through its policies.
    /// </summary>
    public static IServiceCollection AddPanelAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.SectionName)
            .Validate(
                o => o.RevalidationInterval > TimeSpan.Zero,
                $"{AccountOptions.SectionName}:{nameof(AccountOptions.RevalidationInterval)} must be longer than zero.")
            .ValidateOnStart();
        services.AddOptions<BootstrapAdminOptions>().BindConfiguration(BootstrapAdminOptions.SectionName);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = AccountPaths.Login;
            cookie.LogoutPath = AccountPaths.Logout;
            cookie.AccessDeniedPath = AccountPaths.AccessDenied;
            cookie.ReturnUrlParameter = AccountPaths.ReturnUrlParameter;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<AccountOptions>>((stamp, accounts) =>
                stamp.ValidationInterval = accounts.Value.RevalidationInterval);

        services.AddIdentityCore<PanelUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PanelDbContext>()
            .AddSignInManager<PanelSignInManager>()
            .AddErrorDescriber<PanelIdentityErrorDescriber>()
            .AddPasswordValidator<PanelPasswordValidator>();

        services.AddScoped<AuthenticationStateProvider, PanelAuthenticationStateProvider>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserCommands>();
        services.AddHostedService<AccountSeeder>();

        return services;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        // Length over composition rules (NIST SP 800-63B): a long phrase is easy to remember and hard to guess.
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;

        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
