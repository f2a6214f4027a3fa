using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Amazon.CDK.AWS.S3;
using Constructs;
using Trilho.Compiler.Resolution;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;

namespace Trilho.Compiler.Emit;

/// <summary>
/// The one public entry point: a CloudFront distribution on the public name with a behavior per app path. Static apps
/// come from their buckets through Origin Access Control; api apps from the internal load balancer through a CloudFront
/// VPC origin, uncached. HTTPS only, TLS 1.2+, security headers, compression; the Route 53 alias when there is a domain.
/// </summary>
public sealed class Edge : Construct
{
    // The VPC origin replaces the custom origin CDK renders for the load balancer; it is the default origin, so index 0.
    private const string LoadBalancerOriginPath = "DistributionConfig.Origins.0";

    /// <summary>Origin custom header that carries the public name to api apps (docs/app-contract.md).</summary>
    public const string ForwardedHostHeader = "X-Forwarded-Host";

    /// <summary>Builds the distribution for <paramref name="environment"/>.</summary>
    public Edge(Construct scope, string id, ResolvedEnvironment environment, EdgeOrigins origins)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(origins);
        var host = EmitNames.PublicHost(environment);

        IOrigin? loadBalancer = null;
        CfnResource? vpcOrigin = null;
        if (origins.LoadBalancer is { } alb)
        {
            vpcOrigin = new CfnResource(this, "VpcOrigin", new CfnResourceProps
            {
                Type = "AWS::CloudFront::VpcOrigin",
                Properties = new Dictionary<string, object>
                {
                    ["VpcOriginEndpointConfig"] = new Dictionary<string, object>
                    {
                        ["Name"] = $"{environment.StackPrefix}-alb",
                        ["Arn"] = alb.Arn,
                        ["HTTPPort"] = Firewall.LoadBalancerPort,
                        ["HTTPSPort"] = 443,
                        // Traffic stays on the AWS network inside the VPC; see docs/decisions/0002-origin-protection.md.
                        ["OriginProtocolPolicy"] = "http-only",
                    },
                },
            });
            loadBalancer = new HttpOrigin(alb.DnsName, new HttpOriginProps
            {
                ProtocolPolicy = OriginProtocolPolicy.HTTP_ONLY,
                HttpPort = Firewall.LoadBalancerPort,
                ReadTimeout = Duration.Seconds(30),
                // Host is the load balancer's name (AllViewerExceptHostHeader); CloudFront overwrites any viewer value of
                // this header, so apps can trust it. X-Forwarded-Proto cannot carry https: the HTTP listener rewrites it.
                CustomHeaders = host is null ? null : new Dictionary<string, string> { [ForwardedHostHeader] = host },
            });
        }

        var buckets = origins.StaticApps.Select(s => (
            App: s,
            Origin: S3BucketOrigin.WithOriginAccessControl(
                Bucket.FromBucketAttributes(this, $"{EmitNames.Pascal(s.AppId)}Bucket", new BucketAttributes
                {
                    BucketName = s.BucketName,
                    BucketRegionalDomainName = s.BucketRegionalDomainName,
                }),
                new S3BucketOriginWithOACProps { OriginAccessLevels = [AccessLevel.READ] }))).ToList();

        // Paths outside every app get a 404 from the edge itself; no origin sees them.
        var notFound = new CloudFrontFunction(this, "NotFound", new FunctionProps
        {
            FunctionName = $"{environment.StackPrefix}-not-found",
            Comment = "Answers 404 for paths that belong to no app",
            Runtime = FunctionRuntime.JS_2_0,
            Code = FunctionCode.FromInline("function handler(event) {\n  return { statusCode: 404, statusDescription: 'Not Found' };\n}\n"),
        });

        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = host is null ? environment.StackPrefix : $"{environment.StackPrefix}: {host}",
            DomainNames = host is null ? null : [host],
            Certificate = origins.CertificateArn is null ? null : Certificate.FromCertificateArn(this, "Certificate", origins.CertificateArn),
            MinimumProtocolVersion = origins.CertificateArn is null ? null : SecurityPolicyProtocol.TLS_V1_2_2021,
            SslSupportMethod = origins.CertificateArn is null ? null : SSLMethod.SNI,
            WebAclId = origins.WebAclArn,
            PriceClass = PriceClasses.For(environment.Region),
            HttpVersion = HttpVersion.HTTP2_AND_3,
            EnableIpv6 = true,
            DefaultBehavior = new BehaviorOptions
            {
                Origin = loadBalancer ?? buckets[0].Origin,
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                CachePolicy = CachePolicy.CACHING_DISABLED,
                ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
                Compress = true,
                FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = notFound }],
            },
        });

        foreach (var path in origins.LoadBalancer?.ApiPaths ?? [])
        {
            foreach (var pattern in PatternsOf(path))
            {
                Distribution.AddBehavior(pattern, loadBalancer!, new AddBehaviorOptions
                {
                    ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                    AllowedMethods = AllowedMethods.ALLOW_ALL,
                    CachePolicy = CachePolicy.CACHING_DISABLED,
                    OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                    ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
                    Compress = true,
                });
            }
        }

        var staticCache = buckets.Count == 0 ? null : StaticCachePolicy(environment);
        foreach (var (app, origin) in buckets)
        {
            var index = new CloudFrontFunction(this, $"{EmitNames.Pascal(app.AppId)}Index", new FunctionProps
            {
                FunctionName = $"{environment.StackPrefix}-{app.AppId}-index",
                Comment = app.Spa
                    ? $"Redirects {app.Path} to {app.Path}/; folders and client-side routes serve {app.Path}/index.html"
                    : $"Redirects {app.Path} to {app.Path}/; folders serve their index.html, other paths without extension {app.Path}/404.html with 404",
                Runtime = FunctionRuntime.JS_2_0,
                Code = FunctionCode.FromInline(StaticPathFunction.Code(app.Path, app.Spa)),
            });
            var headers = StaticHeadersPolicy(environment, app);
            FunctionAssociation[] associations = app.Spa
                ? [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = index }]
                :
                [
                    new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = index },
                    new FunctionAssociation { EventType = FunctionEventType.VIEWER_RESPONSE, Function = index },
                ];
            foreach (var pattern in PatternsOf(app.Path))
            {
                Distribution.AddBehavior(pattern, origin, new AddBehaviorOptions
                {
                    ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                    AllowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
                    CachePolicy = staticCache,
                    ResponseHeadersPolicy = headers,
                    Compress = true,
                    FunctionAssociations = associations,
                });
            }

            BucketPolicy(app);
        }

        if (vpcOrigin is not null)
        {
            var cfn = (CfnDistribution)Distribution.Node.DefaultChild!;
            cfn.AddPropertyDeletionOverride($"{LoadBalancerOriginPath}.CustomOriginConfig");
            cfn.AddPropertyOverride($"{LoadBalancerOriginPath}.VpcOriginConfig", new Dictionary<string, object>
            {
                ["VpcOriginId"] = vpcOrigin.GetAtt("Id").ToString(),
                ["OriginReadTimeout"] = 30,
                ["OriginKeepaliveTimeout"] = 5,
            });
        }

        // The bucket policies are written here (BucketPolicy below), so CDK's note about imported buckets is handled.
        Annotations.Of(this).AcknowledgeWarning("@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac", "The edge stack writes each bucket's policy itself");

        if (host is not null && environment.Ingress.HostedZoneId is { } zoneId)
        {
            var zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes { HostedZoneId = zoneId, ZoneName = environment.Domain! });
            var target = RecordTarget.FromAlias(new CloudFrontTarget(Distribution));
            _ = new ARecord(this, "AliasIpv4", new ARecordProps { Zone = zone, RecordName = host, Target = target });
            _ = new AaaaRecord(this, "AliasIpv6", new AaaaRecordProps { Zone = zone, RecordName = host, Target = target });
        }
    }

    /// <summary>The distribution.</summary>
    public Distribution Distribution { get; }

    /// <summary>ARN of the distribution, the <c>AWS:SourceArn</c> the buckets trust.</summary>
    public string DistributionArn => Stack.Of(this).FormatArn(new ArnComponents
    {
        Service = "cloudfront",
        Region = string.Empty,
        Resource = "distribution",
        ResourceName = Distribution.DistributionId,
    });

    private static string[] PatternsOf(string path) => [path, path + "/*"];

    /// <summary>
    /// Static paths follow the Cache-Control the upload sets (trilho publish-static): hashed assets a year, other files
    /// five minutes, HTML pages 0 s in browsers and 60 s (s-maxage) at the edge. Minimum 0 so a short max-age is honoured; one day for files uploaded without a header.
    /// </summary>
    private CachePolicy StaticCachePolicy(ResolvedEnvironment environment) => new(this, "StaticCache", new CachePolicyProps
    {
        CachePolicyName = $"{environment.StackPrefix}-static",
        Comment = "Static apps: origin Cache-Control within 0 s to 1 year, 1 day without one",
        MinTtl = Duration.Seconds(0),
        DefaultTtl = Duration.Days(1),
        MaxTtl = Duration.Days(365),
        // Compressed variants are cached apart; without these CloudFront serves uncompressed files only.
        EnableAcceptEncodingGzip = true,
        EnableAcceptEncodingBrotli = true,
        QueryStringBehavior = CacheQueryStringBehavior.None(),
        HeaderBehavior = CacheHeaderBehavior.None(),
        CookieBehavior = CacheCookieBehavior.None(),
    });

    /// <summary>
    /// The managed SecurityHeadersPolicy's headers (same values, https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html)
    /// plus the app's Content-Security-Policy. One policy per static app: response headers policies attach per cache behavior.
    /// </summary>
    private ResponseHeadersPolicy StaticHeadersPolicy(ResolvedEnvironment environment, StaticOrigin app) => new(this, $"{EmitNames.Pascal(app.AppId)}Headers", new ResponseHeadersPolicyProps
    {
        ResponseHeadersPolicyName = $"{environment.StackPrefix}-{app.AppId}-headers",
        Comment = $"Security headers and Content-Security-Policy of {app.AppId}",
        SecurityHeadersBehavior = new ResponseSecurityHeadersBehavior
        {
            ContentSecurityPolicy = new ResponseHeadersContentSecurityPolicy { ContentSecurityPolicy = app.ContentSecurityPolicy, Override = true },
            ContentTypeOptions = new ResponseHeadersContentTypeOptions { Override = false },
            FrameOptions = new ResponseHeadersFrameOptions { FrameOption = HeadersFrameOption.SAMEORIGIN, Override = false },
            ReferrerPolicy = new ResponseHeadersReferrerPolicy { ReferrerPolicy = HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, Override = false },
            StrictTransportSecurity = new ResponseHeadersStrictTransportSecurity { AccessControlMaxAge = Duration.Days(365), Override = false },
            XssProtection = new ResponseHeadersXSSProtection { Protection = true, ModeBlock = true, Override = false },
        },
    });

    /// <summary>
    /// The objects the distribution serves for an app: its cache behavior forwards <c>/frontend/*</c> unchanged, so
    /// keys start with the app's path and nothing outside it is ever read (another app's or a stray upload).
    /// </summary>
    private static string AppObjects(string bucketArn, string path)
    {
        var prefix = path.Trim('/');
        return prefix.Length == 0 ? $"{bucketArn}/*" : $"{bucketArn}/{prefix}/*";
    }

    private void BucketPolicy(StaticOrigin app)
    {
        var bucketArn = $"arn:{Aws.PARTITION}:s3:::{app.BucketName}";
        _ = new CfnBucketPolicy(this, $"{EmitNames.Pascal(app.AppId)}BucketPolicy", new CfnBucketPolicyProps
        {
            Bucket = app.BucketName,
            PolicyDocument = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "ReadByThisDistributionOnly",
                        Effect = Effect.ALLOW,
                        Principals = [new ServicePrincipal("cloudfront.amazonaws.com")],
                        Actions = ["s3:GetObject"],
                        Resources = [AppObjects(bucketArn, app.Path)],
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["AWS:SourceArn"] = DistributionArn },
                        },
                    }),
                    // Without s3:ListBucket S3 answers 403 for a missing object, so "file missing" would read as
                    // "access denied" at the edge; with it, 404 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html,
                    // Permissions). CloudFront asks only for object keys: its function rewrites folders to index.html.
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "MissingFilesAreNotFound",
                        Effect = Effect.ALLOW,
                        Principals = [new ServicePrincipal("cloudfront.amazonaws.com")],
                        Actions = ["s3:ListBucket"],
                        Resources = [bucketArn],
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["AWS:SourceArn"] = DistributionArn },
                        },
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "DenyInsecureTransport",
                        Effect = Effect.DENY,
                        Principals = [new AnyPrincipal()],
                        Actions = ["s3:*"],
                        Resources = [bucketArn, $"{bucketArn}/*"],
                        Conditions = new Dictionary<string, object>
                        {
                            ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                        },
                    }),
                ],
            }),
        });
    }
}
