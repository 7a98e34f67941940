{{/* The release's full name, at most 63 characters. */}}
{{- define "ap.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "ap.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: control-plane
{{- end -}}

{{- define "ap.labels" -}}
{{ include "ap.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "ap.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ap.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "ap.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The rules of files/rbac-rules.yaml, without the chart's bookkeeping fields. */}}
{{- define "ap.rbacRules" -}}
{{- range (.Files.Get "files/rbac-rules.yaml" | fromYaml).rules }}
- apiGroups: {{ toJson .apiGroups }}
  resources: {{ toJson .resources }}
  verbs: {{ toJson .verbs }}
{{- end }}
{{- end -}}

{{/* Environment variable names of the keys, by position: the config file refers to them. */}}
{{- define "ap.keyEnv" -}}
{{- printf "PLATFORM_KEY_%s_%d" (index . 0) (index . 1) -}}
{{- end -}}

{{/* Checks the schema cannot express. */}}
{{- define "ap.validate" -}}
{{- range $name, $set := .Values.keys -}}
{{- if not (has $set.activeKeyId $set.keyIds) -}}
{{- fail (printf "keys.%s.activeKeyId %q must be one of keys.%s.keyIds %v" $name $set.activeKeyId $name $set.keyIds) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) -}}
{{- fail "autoscaling.maxReplicas must be at least autoscaling.minReplicas" -}}
{{- end -}}
{{- if and .Values.bootstrapAdmin.username (not .Values.bootstrapAdmin.existingSecret) -}}
{{- fail "bootstrapAdmin.existingSecret is required with bootstrapAdmin.username (the first password)" -}}
{{- end -}}
{{- end -}}
