using Npgsql;

namespace Trilho.Samples.Backend;

/// <summary>An item as returned by the API.</summary>
public sealed record Item(long Id, string Title, bool Done, DateTimeOffset CreatedAt);

/// <summary>Request body for create (POST), replace (PUT) and partial update (PATCH).</summary>
public sealed record ItemInput(string? Title, bool? Done);

/// <summary>One page of items.</summary>
public sealed record ItemPage(IReadOnlyList<Item> Items, int Limit, int Offset, long Total);

/// <summary>SQL for the items resource. Every method takes an open connection from <see cref="Database"/>.</summary>
public static class ItemsStore
{
    private const string Columns = "id, title, done, created_at";

    public static async Task<ItemPage> ListAsync(NpgsqlConnection c, int limit, int offset, CancellationToken ct)
    {
        var items = new List<Item>();
        await using (var cmd = new NpgsqlCommand(
            $"SELECT {Columns} FROM items ORDER BY id LIMIT @limit OFFSET @offset", c))
        {
            cmd.Parameters.AddWithValue("limit", limit);
            cmd.Parameters.AddWithValue("offset", offset);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                items.Add(Read(reader));
            }
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM items", c);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;
        return new ItemPage(items, limit, offset, total);
    }

    public static async Task<Item?> GetAsync(NpgsqlConnection c, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM items WHERE id = @id", c);
        cmd.Parameters.AddWithValue("id", id);
        return await SingleAsync(cmd, ct);
    }

    public static async Task<Item> CreateAsync(NpgsqlConnection c, string title, bool done, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"INSERT INTO items (title, done) VALUES (@title, @done) RETURNING {Columns}", c);
        cmd.Parameters.AddWithValue("title", title);
        cmd.Parameters.AddWithValue("done", done);
        return (await SingleAsync(cmd, ct))!;
    }

    /// <summary>Updates the given fields (null = keep); returns null when the item does not exist.</summary>
    public static async Task<Item?> UpdateAsync(NpgsqlConnection c, long id, string? title, bool? done, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"""
            UPDATE items SET title = COALESCE(@title, title), done = COALESCE(@done, done)
            WHERE id = @id RETURNING {Columns}
            """, c);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.Add(new NpgsqlParameter<string?>("title", NpgsqlTypes.NpgsqlDbType.Varchar) { TypedValue = title });
        cmd.Parameters.Add(new NpgsqlParameter<bool?>("done", NpgsqlTypes.NpgsqlDbType.Boolean) { TypedValue = done });
        return await SingleAsync(cmd, ct);
    }

    public static async Task<bool> DeleteAsync(NpgsqlConnection c, long id, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("DELETE FROM items WHERE id = @id", c);
        cmd.Parameters.AddWithValue("id", id);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private static async Task<Item?> SingleAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static Item Read(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetBoolean(2), r.GetFieldValue<DateTimeOffset>(3));
}
