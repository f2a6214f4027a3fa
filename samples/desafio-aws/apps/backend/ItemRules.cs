using Microsoft.AspNetCore.Http.HttpResults;

namespace Trilho.Samples.Backend;

/// <summary>Validation rules of the items resource, checked before anything is written.</summary>
public static class ItemRules
{
    public const int MaxTitleLength = 200;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static Dictionary<string, string[]> Validate(ItemInput input, bool requireTitle, bool requireDone)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Title is null)
        {
            if (requireTitle)
            {
                errors["title"] = ["The title is required."];
            }
        }
        else
        {
            var length = input.Title.Trim().Length;
            if (length is < 1 or > MaxTitleLength)
            {
                errors["title"] = [$"The title must have 1 to {MaxTitleLength} characters (not counting surrounding spaces); it has {length}."];
            }
        }
        if (requireDone && input.Done is null)
        {
            errors["done"] = ["The done flag is required (true or false)."];
        }
        return errors;
    }

    public static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: 404, title: "Item not found", detail: $"There is no item with id {id}.");
}
