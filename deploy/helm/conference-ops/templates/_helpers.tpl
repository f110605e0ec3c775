{{/*
The event flows of the platform (README "Event catalogue"): the topic each service writes and the topics it
consumes with its consumer group (= service name). Topics, dead-letter topics, ACLs, autoscaling triggers and
bounds are all derived from this table; deploy-tests checks the rendered result against its own copy.
*/}}
{{- define "co.flows" -}}
registration:
  produces: conference-ops.registration
  consumes: []
session:
  produces: conference-ops.session
  consumes: [conference-ops.registration]
pledge:
  produces: conference-ops.pledge
  consumes: [conference-ops.registration, conference-ops.session]
notification:
  produces: conference-ops.notification
  consumes: [conference-ops.registration, conference-ops.session, conference-ops.pledge, conference-ops.notification]
{{- end }}

{{/* The service (application, consumer group, Kafka principal and resource) name: "<key>-service". */}}
{{- define "co.name" -}}
{{- printf "%s-service" . -}}
{{- end }}

{{- define "co.deadLetterTopic" -}}
{{- printf "conference-ops.%s-service.dlq" . -}}
{{- end }}

{{/* Labels for every resource; call with (dict "root" $ "service" "registration") or (dict "root" $). */}}
{{- define "co.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: conference-ops
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- if .service }}
{{ include "co.selectorLabels" . }}
app.kubernetes.io/component: {{ .service }}
{{- else }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "co.selectorLabels" -}}
app.kubernetes.io/name: {{ include "co.name" .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* The image of a service (its own imageTag, else image.tag, else appVersion); "latest" is refused. */}}
{{- define "co.image" -}}
{{- $own := index .root.Values.services .service -}}
{{- $tag := default (default .root.Chart.AppVersion .root.Values.image.tag) $own.imageTag -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail "image.tag must be a release version, never latest" -}}
{{- end -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repository (include "co.name" .service) $tag -}}
{{- end }}

{{/* A service's settings: the defaults merged with its own section. */}}
{{- define "co.settings" -}}
{{- $own := index .root.Values.services .service -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own)) -}}
{{- end }}

{{/*
Fewest partitions among the topics a service consumes: more replicas than that would sit idle, so autoscaling
may never go above it.
*/}}
{{- define "co.maxUsefulReplicas" -}}
{{- $flows := fromYaml (include "co.flows" .root) -}}
{{- $flow := index $flows .service -}}
{{- if $flow.consumes -}}
{{- .root.Values.kafka.topics.partitions -}}
{{- else -}}
{{- 1000 -}}
{{- end -}}
{{- end }}
