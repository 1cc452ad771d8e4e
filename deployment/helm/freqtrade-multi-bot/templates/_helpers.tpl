{{/* Names, labels, images and the pod pieces both Multibot servers share. */}}

{{- define "multibot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "multibot.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "multibot.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "multibot.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of one component's objects: <fullname>-<component>. */}}
{{- define "multibot.componentName" -}}
{{- printf "%s-%s" (include "multibot.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "multibot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "multibot.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "multibot.labels" -}}
{{ include "multibot.selectorLabels" . }}
app.kubernetes.io/part-of: multibot
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "multibot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "multibot.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* registry/repository:tag of a Multibot image; production refuses "latest". */}}
{{- define "multibot.image" -}}
{{- $tag := .image.tag | default .root.Values.global.imageTag | default .root.Chart.AppVersion | toString -}}
{{- if and (eq .root.Values.environment "production") (eq $tag "latest") -}}
{{- fail (printf "%s: production must not run the \"latest\" image tag; set global.imageTag to a release or git SHA" .component) -}}
{{- end -}}
{{- printf "%s/%s:%s" .root.Values.global.imageRegistry .image.repository $tag -}}
{{- end -}}

{{/* The Redis URL both servers use. */}}
{{- define "multibot.redisUrl" -}}
{{- if .Values.redis.enabled -}}
{{- printf "redis://%s:6379" (include "multibot.componentName" (dict "root" . "component" "redis")) -}}
{{- else if .Values.redis.externalUrl -}}
{{- .Values.redis.externalUrl -}}
{{- else -}}
{{- fail "redis.enabled is false: set redis.externalUrl" -}}
{{- end -}}
{{- end -}}

{{/* Startup, liveness and readiness probes on MicroProfile Health. */}}
{{- define "multibot.probes" -}}
startupProbe:
  httpGet:
    path: /health/started
    port: http
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  httpGet:
    path: /health/ready
    port: http
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
{{- end -}}

{{/*
  The Deployment of a Liberty server. Liberty writes only to its output directory, /logs and /tmp,
  which are emptyDir volumes; the root file system stays read-only.
  Arguments: root, component, spec (the component's values), volumes, mounts, env (extra entries).
*/}}
{{- define "multibot.libertyDeployment" -}}
{{- $root := .root -}}
{{- $spec := .spec -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "multibot.componentName" . }}
  labels:
    {{- include "multibot.labels" . | nindent 4 }}
spec:
  {{- /* With an HPA the HPA owns the replica count: rendering it would reset it on every upgrade. */}}
  {{- if not (dig "autoscaling" "enabled" false $spec) }}
  replicas: {{ $spec.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "multibot.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "multibot.labels" . | nindent 8 }}
      annotations:
        {{- /* The rendered ConfigMap: any change to it rolls the pods, which read it at start only. */}}
        checksum/config: {{ include "multibot.configMap" . | sha256sum }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /metrics
        prometheus.io/port: {{ $spec.port | quote }}
    spec:
      serviceAccountName: {{ include "multibot.serviceAccountName" $root }}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ $spec.terminationGracePeriodSeconds }}
      {{- with $root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "multibot.image" (dict "root" $root "image" $spec.image "component" .component) }}
          imagePullPolicy: {{ $spec.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $spec.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "multibot.componentName" . }}
          env:
            - name: MULTIBOT_STREAM_KEY
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.secrets.name }}
                  key: stream-key
            {{- with .env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "multibot.probes" $root | nindent 10 }}
          resources:
            {{- toYaml $spec.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: liberty-output
              mountPath: /opt/ol/wlp/output
            - name: liberty-logs
              mountPath: /logs
            - name: tmp
              mountPath: /tmp
            {{- with .mounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        - name: liberty-output
          emptyDir: {}
        - name: liberty-logs
          emptyDir: {}
        - name: tmp
          emptyDir: {}
        {{- with .volumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
{{- end -}}

{{/* The ConfigMap of a component's plain settings. */}}
{{- define "multibot.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "multibot.componentName" . }}
  labels:
    {{- include "multibot.labels" . | nindent 4 }}
data:
  REDIS_URL: {{ include "multibot.redisUrl" .root | quote }}
  {{ .portVariable }}: {{ .spec.port | quote }}
  {{- range $name, $value := .spec.env }}
  {{ $name }}: {{ $value | quote }}
  {{- end }}
{{- end -}}

{{/* The ClusterIP Service of a component. */}}
{{- define "multibot.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "multibot.componentName" . }}
  labels:
    {{- include "multibot.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "multibot.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .spec.service.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{/* The PodDisruptionBudget of a component (minAvailable or maxUnavailable from its values). */}}
{{- define "multibot.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "multibot.componentName" . }}
  labels:
    {{- include "multibot.labels" . | nindent 4 }}
spec:
  {{- toYaml .spec.podDisruptionBudget | nindent 2 }}
  selector:
    matchLabels:
      {{- include "multibot.selectorLabels" . | nindent 6 }}
{{- end -}}
