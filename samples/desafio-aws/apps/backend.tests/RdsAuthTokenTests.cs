namespace Trilho.Samples.Backend.Tests;

/// <summary>
/// The IAM token the backend signs for every new connection (DB_AUTH=iam), checked against published vectors: AWS's
/// SigV4 test suite (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html,
/// "aws-sig-v4-test-suite", credentials AKIDEXAMPLE at 20150830T123600Z) and RDS tokens produced by other
/// implementations (with and without a session token, as ECS task credentials always have one).
/// </summary>
public sealed class RdsAuthTokenTests
{
    private const string SuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GET", "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]   // get-vanilla
    [InlineData("POST", "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]  // post-vanilla
    [InlineData("GET", "Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")] // get-vanilla-query-order-key-case
    public void SigV4_matches_the_AWS_test_suite(string method, string query, string expected)
    {
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], p[1]));
        var canonical = SigV4.CanonicalRequest(method, "/", SigV4.CanonicalQuery(parameters),
            [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], SigV4.EmptyPayloadHash);
        var scope = SigV4.Scope(SuiteTime, "us-east-1", "service");
        Assert.Equal(expected, SigV4.Signature(SuiteSecret, SuiteTime, "us-east-1", "service", SigV4.StringToSign(SuiteTime, scope, canonical)));
    }

    [Fact]
    public void RDS_token_without_a_session_token()
    {
        var token = RdsAuthToken.Generate("mydb.c1fycpveg7nf.us-west-2.rds.amazonaws.com", 3306, "mysqluser", "eu-west-1",
            new AwsCredentials("AKIAKIAKIAKIAKIAKIAK", "1111111111111111111111111111111111111111", null),
            new DateTimeOffset(2018, 7, 22, 20, 22, 36, TimeSpan.Zero));
        Assert.Equal(
            "mydb.c1fycpveg7nf.us-west-2.rds.amazonaws.com:3306/?Action=connect&DBUser=mysqluser&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAKIAKIAKIAKIAKIAK%2F20180722%2Feu-west-1%2Frds-db%2Faws4_request&X-Amz-Date=20180722T202236Z"
            + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=b77c366f1379046852039d21f733035fa73696275c03dd2908ef267c3049d831",
            token);
    }

    [Fact]
    public void RDS_token_with_a_session_token_as_task_role_credentials_have()
    {
        var token = RdsAuthToken.Generate("dbhost.xyz.eu-west-1.amazonaws.com", 3306, "iam_user", "eu-west-1",
            new AwsCredentials("IAMKEYINSTANCE", "asdfqwertypolly", "mytoken"),
            new DateTimeOffset(2018, 9, 19, 16, 2, 42, TimeSpan.Zero));
        Assert.Equal(
            "dbhost.xyz.eu-west-1.amazonaws.com:3306/?Action=connect&DBUser=iam_user&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=IAMKEYINSTANCE%2F20180919%2Feu-west-1%2Frds-db%2Faws4_request&X-Amz-Date=20180919T160242Z"
            + "&X-Amz-Expires=900&X-Amz-Security-Token=mytoken&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=8966604a85aa991ef9bed5135aa8565e0e22ae375d2b85892a16e1a642ae0bd1",
            token);
    }
}
