using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Trilho.Samples.Backend;

/// <summary>The items resource: CRUD over <see cref="ItemsStore"/>, every outcome a typed result.</summary>
public static class ItemsEndpoints
{
    public static RouteGroupBuilder MapItems(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/items").WithTags("Items");

        // Typed and range-checked by the framework: a non-integer is a 400 naming the parameter, an integer out of range
        // a validation problem (AddValidation), and both ranges are in the OpenAPI document.
        items.MapGet("/", async Task<Ok<ItemPage>> (
            Database db,
            CancellationToken ct,
            [Range(1, ItemRules.MaxLimit)] int limit = ItemRules.DefaultLimit,
            [Range(0, int.MaxValue)] int offset = 0) =>
            TypedResults.Ok(await db.RunAsync(c => ItemsStore.ListAsync(c, limit, offset, ct), ct)))
            .WithSummary("List items, oldest first, one page at a time (limit 1-100, default 20; offset >= 0).");

        items.MapGet("/{id:long}", async Task<Results<Ok<Item>, ProblemHttpResult>> (long id, Database db, CancellationToken ct) =>
        {
            var item = await db.RunAsync(c => ItemsStore.GetAsync(c, id, ct), ct);
            return item is null ? ItemRules.NotFound(id) : TypedResults.Ok(item);
        }).WithName(GetItemRoute).WithSummary("Get one item.");

        items.MapPost("/", async Task<Results<Created<Item>, ValidationProblem>> (
            ItemInput input, Database db, LinkGenerator links, HttpContext http, CancellationToken ct) =>
        {
            var errors = ItemRules.Validate(input, requireTitle: true, requireDone: false);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            var item = await db.RunAsync(c => ItemsStore.CreateAsync(c, input.Title!.Trim(), input.Done ?? false, ct), ct);
            // A relative Location: correct behind CloudFront whatever public name the environment has.
            return TypedResults.Created(links.GetPathByName(http, GetItemRoute, new { id = item.Id }), item);
        }).WithSummary("Create an item. Title: 1-200 characters after trimming.");

        items.MapPut("/{id:long}", async Task<Results<Ok<Item>, ValidationProblem, ProblemHttpResult>> (
            long id, ItemInput input, Database db, CancellationToken ct) =>
        {
            var errors = ItemRules.Validate(input, requireTitle: true, requireDone: true);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            var item = await db.RunAsync(c => ItemsStore.UpdateAsync(c, id, input.Title!.Trim(), input.Done, ct), ct);
            return item is null ? ItemRules.NotFound(id) : TypedResults.Ok(item);
        }).WithSummary("Replace an item's title and done flag (both required).");

        items.MapPatch("/{id:long}", async Task<Results<Ok<Item>, ValidationProblem, ProblemHttpResult>> (
            long id, ItemInput input, Database db, CancellationToken ct) =>
        {
            var errors = ItemRules.Validate(input, requireTitle: false, requireDone: false);
            if (input.Title is null && input.Done is null)
            {
                errors[""] = ["Provide at least one of 'title' or 'done'."];
            }
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            var item = await db.RunAsync(c => ItemsStore.UpdateAsync(c, id, input.Title?.Trim(), input.Done, ct), ct);
            return item is null ? ItemRules.NotFound(id) : TypedResults.Ok(item);
        }).WithSummary("Change an item's title and/or done flag.");

        items.MapDelete("/{id:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, Database db, CancellationToken ct) =>
        {
            var deleted = await db.RunAsync(c => ItemsStore.DeleteAsync(c, id, ct), ct);
            return deleted ? TypedResults.NoContent() : ItemRules.NotFound(id);
        }).WithSummary("Delete an item.");

        return items;
    }

    private const string GetItemRoute = "GetItem";
}
