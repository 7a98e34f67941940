package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;

/**
 * What one instance needs.
 *
 * @param id the instance id (the owner label of its objects)
 * @param namespace the owner's namespace
 * @param hostLabel the first label of its host
 * @param tool the tool
 * @param image the release's image, by digest
 * @param port the port the tool listens on
 * @param readinessPath the path that answers once the tool is ready
 * @param args the container's arguments
 * @param profile its resources
 * @param running whether a pod should run (replicas 1) or not (0)
 * @param restarts how many restarts were asked for: a change rolls the pod
 * @param podRoleArn the IAM role the pod template records as the one its pods are created
 * with ({@code ""} for none), or {@code null} to record nothing: it changes only with a
 * change that makes a new pod anyway, never by itself (that would restart a running tool
 * under its user)
 */
public record DesiredInstance(UUID id, String namespace, String hostLabel, Tool tool, String image, int port,
		String readinessPath, List<String> args, ResourceProfile profile, boolean running, int restarts,
		String podRoleArn) {

	public DesiredInstance {
		args = List.copyOf(args);
	}

}
