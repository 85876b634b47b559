# The operator's image: built with Maven, run on a small JRE as an unprivileged user.
# `make image` builds it; see the README for pushing it and pointing the chart at it.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, in a layer of their own that source changes do not invalidate.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S -g 10001 operator && adduser -S -D -H -u 10001 -G operator operator
WORKDIR /app
COPY --from=build /src/target/lib lib
COPY --from=build /src/target/researchproject-operator-*.jar researchproject-operator.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/researchproject-operator.jar"]
CMD ["run"]
