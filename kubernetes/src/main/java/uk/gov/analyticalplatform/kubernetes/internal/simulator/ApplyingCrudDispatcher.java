package uk.gov.analyticalplatform.kubernetes.internal.simulator;

import java.nio.charset.StandardCharsets;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * fabric8's CRUD mock server, taught the one verb it lacks: server-side apply. An apply
 * of an object that does not exist creates it; otherwise it is merged in (a real API
 * server also removes fields the manager stopped setting; the simulator keeps them).
 */
class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {

	private static final String APPLY = "application/apply-patch+yaml";

	@Override
	public MockResponse handlePatch(RecordedRequest request) {
		String contentType = request.getHeader("Content-Type");
		if (contentType == null || !contentType.startsWith(APPLY)) {
			return super.handlePatch(request);
		}
		String path = withoutQuery(request.getPath());
		if (handleGet(path).code() == 404) {
			String collection = path.substring(0, path.lastIndexOf('/'));
			return handleCreate(copy(request, HttpMethod.POST, collection, "application/json"));
		}
		return super.handlePatch(copy(request, HttpMethod.PATCH, path, "application/merge-patch+json"));
	}

	private static RecordedRequest copy(RecordedRequest request, HttpMethod method, String path, String contentType) {
		Headers headers = request.getHeaders().newBuilder().set("Content-Type", contentType).build();
		byte[] body = request.getUtf8Body().getBytes(StandardCharsets.UTF_8);
		return new RecordedRequest(request.getHttpVersion(), method, path, headers, new Buffer(body));
	}

	private static String withoutQuery(String path) {
		int query = path.indexOf('?');
		return (query < 0) ? path : path.substring(0, query);
	}

}
