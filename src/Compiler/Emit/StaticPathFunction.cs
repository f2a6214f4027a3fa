namespace Trilho.Compiler.Emit;

/// <summary>
/// The CloudFront Function of a static app (docs/decisions/0010-edge-request-path.md). Viewer request: <c>/p</c>
/// redirects to <c>/p/</c> (so relative asset URLs resolve under the app), a folder serves its index.html, a path
/// without a file extension serves <c>/p/index.html</c> (spa) or <c>/p/404.html</c>, files pass through. Viewer
/// response (not spa): the 404 page goes out with status 404. Only the shape of the path decides: a viewer-request
/// function cannot see the bucket, and custom error responses would apply to the api paths of the distribution too.
/// </summary>
public static class StaticPathFunction
{
    /// <summary>The function code for the app on <paramref name="path"/>.</summary>
    public static string Code(string path, bool spa)
    {
        ArgumentNullException.ThrowIfNull(path);
        // The viewer-response branch accepts the rewritten and the original uri: either way the answer is the 404 page.
        return $$"""
            var APP = '{{path}}';
            var SPA = {{(spa ? "true" : "false")}};
            function notFound(uri) {
              var last = uri.substring(uri.lastIndexOf('/') + 1);
              return uri === APP + '/404.html' || (!SPA && last !== '' && last.indexOf('.') === -1);
            }
            function query(qs) {
              var parts = [];
              for (var name in qs) {
                var values = qs[name].multiValue || [qs[name]];
                for (var i = 0; i < values.length; i++) {
                  parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
                }
              }
              return parts.length ? '?' + parts.join('&') : '';
            }
            function handler(event) {
              var request = event.request;
              if (event.context && event.context.eventType === 'viewer-response') {
                var response = event.response;
                if (response.statusCode === 200 && notFound(request.uri)) {
                  response.statusCode = 404;
                  response.statusDescription = 'Not Found';
                }
                return response;
              }
              var uri = request.uri;
              if (uri === APP) {
                return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: APP + '/' + query(request.querystring) } } };
              }
              var last = uri.substring(uri.lastIndexOf('/') + 1);
              if (SPA && (last === '' || last.indexOf('.') === -1)) {
                request.uri = APP + '/index.html';
              } else if (last === '') {
                request.uri = uri + 'index.html';
              } else if (last.indexOf('.') === -1) {
                request.uri = APP + '/404.html';
              }
              return request;
            }

            """;
    }
}
